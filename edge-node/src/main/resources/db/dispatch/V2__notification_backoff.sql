-- A failed notification waits before its next attempt (longer after each failure), so an outage of the relay or
-- the webhook receiver spends attempts slowly instead of exhausting them within seconds.
ALTER TABLE dispatch_notification ADD COLUMN next_attempt_at TIMESTAMP;
