package dev.wedge.sync.hq;

import dev.wedge.sync.internal.PooledDataSource;
import java.util.UUID;

class JdbcHqStoreDerbyTest extends HqStoreContract {
    @Override
    protected HqStore newStore() {
        PooledDataSource ds = new PooledDataSource("jdbc:derby:memory:hq-" + UUID.randomUUID() + ";create=true",
                null, null, 4);
        HqSchema.migrate(ds);
        return new JdbcHqStore(ds);
    }
}
