package dev.wedge.edge.dispatch.notify;

/** One queued message: an e-mail to {@code target} (an address) or a JSON post to {@code target} (a URL). */
public record Notification(long id, String channel, String target, String subject, String body) {
}
