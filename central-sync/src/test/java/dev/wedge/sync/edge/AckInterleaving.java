package dev.wedge.sync.edge;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;

/**
 * The edge database with one interleaving forced: the forwarding thread's first acknowledgement commit waits
 * until the test thread has counted the backlog, and the test thread then waits (inside the same status call)
 * until the forwarding thread has gone on to its next database call.
 */
final class AckInterleaving {
    private final DataSource target;
    private final Thread tester;
    final CountDownLatch firstAckCommitted = new CountDownLatch(1);
    private final CountDownLatch backlogCounted = new CountDownLatch(1);
    private final CountDownLatch forwarderMovedOn = new CountDownLatch(1);
    private final AtomicBoolean ackSeen = new AtomicBoolean();
    private volatile boolean afterFirstAck;
    volatile boolean interleaved;

    AckInterleaving(DataSource target, Thread tester) {
        this.target = target;
        this.tester = tester;
    }

    DataSource dataSource() {
        return (DataSource) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {DataSource.class},
                (proxy, method, args) -> {
                    Object result = call(target, method, args);
                    if (!"getConnection".equals(method.getName())) {
                        return result;
                    }
                    if (afterFirstAck && forwarding()) {
                        forwarderMovedOn.countDown();
                    }
                    return connection((Connection) result);
                });
    }

    private Connection connection(Connection physical) {
        AtomicBoolean acks = new AtomicBoolean();
        return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                    if ("prepareStatement".equals(method.getName())) {
                        String sql = (String) args[0];
                        acks.compareAndSet(false, forwarding() && sql.contains("SET state = 1"));
                        if (Thread.currentThread() == tester && sql.contains("AND state = 2") && afterFirstAck) {
                            // status() has counted the backlog and now reads the rejected count.
                            backlogCounted.countDown();
                            interleaved = forwarderMovedOn.await(10, TimeUnit.SECONDS);
                        }
                    }
                    Object result = call(physical, method, args);
                    if ("commit".equals(method.getName()) && acks.get() && ackSeen.compareAndSet(false, true)) {
                        afterFirstAck = true;
                        firstAckCommitted.countDown();
                        backlogCounted.await(10, TimeUnit.SECONDS);
                    }
                    return result;
                });
    }

    private static boolean forwarding() {
        return Thread.currentThread().getName().startsWith("wedge-sync-forwarder-");
    }

    private static Object call(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
