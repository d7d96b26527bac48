-- HQ can delete a product; the edge keeps its row (the ledger refers to it) and stops receiving it.
ALTER TABLE product ADD COLUMN active BOOLEAN NOT NULL DEFAULT TRUE;
