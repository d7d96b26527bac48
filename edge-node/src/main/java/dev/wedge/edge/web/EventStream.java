package dev.wedge.edge.web;

/**
 * What a stream route's handler returns: the feed the response subscribes to and the session it was opened
 * with. The web server keeps the response open and the feed writes server-sent events to it.
 */
record EventStream(SupervisorFeed feed, String sessionToken) {
    EventStream {
        if (feed == null || sessionToken == null) {
            throw new IllegalArgumentException("an event stream needs a feed and the session it belongs to");
        }
    }
}
