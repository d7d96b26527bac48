package dev.wedge.edge.dispatch.driver;

import dev.wedge.edge.dispatch.eta.EtaCalculator;
import dev.wedge.edge.dispatch.eta.EtaTracker;
import dev.wedge.edge.dispatch.model.DispatchErrorCode;
import dev.wedge.edge.dispatch.model.DispatchException;
import dev.wedge.edge.dispatch.notify.NotificationQueue;
import dev.wedge.edge.dispatch.store.DispatchOutbox;
import dev.wedge.edge.dispatch.store.JdbcActionLog;
import dev.wedge.edge.dispatch.store.Transactions;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies driver actions exactly once. Each action is one transaction: its key is claimed in the action log,
 * the change is made and its event goes to the outbox; a key seen before is answered from the log without
 * touching anything, whether the first attempt was applied or rejected. A rejected action changes nothing but its
 * log entry. Thread-safe.
 */
public final class DriverActions {
    private static final Logger LOG = LoggerFactory.getLogger(DriverActions.class);

    private final Transactions tx;
    private final Clock clock;
    private final JdbcActionLog log = new JdbcActionLog();
    private final RouteProgress progress;
    private final StopOutcomes outcomes;
    private final DispatchOutbox outbox;

    public DriverActions(Transactions tx, DispatchOutbox outbox, NotificationQueue notifications, EtaTracker etas,
                         EtaCalculator calculator, Clock clock) {
        this.tx = tx;
        this.clock = clock;
        this.outbox = outbox;
        this.progress = new RouteProgress(outbox, notifications, etas, calculator);
        this.outcomes = new StopOutcomes(outbox, notifications, etas);
    }

    /** Applies one action, or answers a resend from the log. Throws only when the database failed. */
    public ActionResult apply(DriverAction a) throws SQLException {
        Instant now = clock.instant();
        Instant at = a.at().isAfter(now) ? now : a.at();
        DriverAction action = new DriverAction(a.key(), a.driverId(), a.type(), at, a.routeId(), a.stopId(),
                a.position(), a.reason(), a.note(), a.signature(), a.photo(), a.ssccs());
        try {
            Optional<ActionResult> result = tx.inTransaction(c -> {
                if (!log.claim(c, a.key(), a.driverId(), a.type().name(), a.stopId().orElse(null), true, "", now)) {
                    return Optional.empty();
                }
                String detail = switch (action.type()) {
                    case START -> progress.start(c, action, now);
                    case POSITION -> progress.position(c, action, now);
                    case FINISH -> progress.finish(c, action);
                    case ARRIVE -> outcomes.arrive(c, action, now);
                    case DELIVER -> outcomes.deliver(c, action, now);
                    case FAIL -> outcomes.fail(c, action, now);
                };
                log.setDetail(c, a.key(), detail);
                ActionResult applied = new ActionResult(a.key(), ActionResult.Outcome.APPLIED, "", detail);
                report(c, action, applied, now);
                return Optional.of(applied);
            });
            return result.isPresent() ? result.get() : answerFromLog(a);
        } catch (DispatchException e) {
            LOG.info("driver {} action {} {} rejected: {}", a.driverId(), a.type(), a.key(), e.getMessage());
            ActionResult rejected = new ActionResult(a.key(), ActionResult.Outcome.REJECTED, e.code().name(),
                    e.getMessage());
            boolean first = tx.inTransaction(c -> {
                boolean claimed = log.claim(c, a.key(), a.driverId(), a.type().name(), a.stopId().orElse(null), false,
                        e.code().name() + ": " + e.getMessage(), now);
                if (claimed) {
                    report(c, action, rejected, now);
                }
                return claimed;
            });
            return first ? rejected : answerFromLog(a);
        }
    }

    /**
     * {@code dispatch.action}: the first outcome of an action key, in the transaction that logged it, so HQ learns
     * what became of an action a driver sent it (or the edge) by the normal outbox. Applied positions are left
     * out: the position event carries their key.
     */
    private void report(java.sql.Connection c, DriverAction a, ActionResult r, Instant now) throws SQLException {
        if (a.type() == ActionType.POSITION && r.outcome() == ActionResult.Outcome.APPLIED) {
            return;
        }
        var p = outbox.payload("action", now);
        p.put("key", r.key()).put("driverId", a.driverId()).put("type", a.type().name())
                .put("outcome", r.outcome().name()).put("code", r.code()).put("detail", r.detail());
        a.stopId().ifPresent(s -> p.put("stopId", s));
        outbox.append(c, p);
    }

    /**
     * The answer to a key seen before. A phone resending an action sends the same driver, kind and stop; a key
     * that comes back with other content is a client bug (or a guess), so it is refused and told nothing of the
     * first action but its kind and stop, which the sender must have known to reuse the key honestly.
     */
    private ActionResult answerFromLog(DriverAction a) throws SQLException {
        String key = a.key();
        JdbcActionLog.Logged logged = tx.read(c -> log.logged(c, key)).orElseThrow();
        if (!logged.sameAction(a.driverId(), a.type().name(), a.stopId())) {
            String first = logged.driverId().equals(a.driverId())
                    ? logged.kind() + logged.stopId().map(s -> " of stop " + s).orElse("") : "another driver's action";
            return new ActionResult(key, ActionResult.Outcome.REJECTED, DispatchErrorCode.KEY_REUSED.name(),
                    "Action key " + key + " was already used for " + first + "; this " + a.type()
                            + " was not applied: send it with a new key");
        }
        if (logged.applied()) {
            return new ActionResult(key, ActionResult.Outcome.DUPLICATE, "", logged.detail());
        }
        String[] parts = logged.detail().split(": ", 2);
        return new ActionResult(key, ActionResult.Outcome.REJECTED, parts[0], parts.length > 1 ? parts[1] : "");
    }
}
