package io.vigie.indexing;

import co.elastic.clients.elasticsearch.ElasticsearchAsyncClient;
import io.vigie.support.ApiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The rebuild lease in PostgreSQL: one holder at a time, a dead holder's lease taken over (with
 * the index it left named), and a renewal refused once the lease expired, so the rebuild stops
 * instead of swapping in an index other instances stopped writing to.
 */
class RebuildLeaseTests extends ApiTest {

    @Autowired
    RebuildLease lease;

    @Autowired
    DatabaseClient db;

    @Autowired
    ElasticsearchAsyncClient elasticsearch;

    @Test
    void oneHolderAtATimeAndADeadOneIsTakenOver() throws Exception {
        // The live index as the target: indexers writing there twice while the lease is held do no harm.
        String index = elasticsearch.indices().getAlias(a -> a.name(SearchIndexer.CONTENT_ALIAS)).get().aliases().keySet().iterator().next();
        try {
            db.sql("INSERT INTO search_rebuild (target_index, heartbeat_at) VALUES ('vigie-content-crashed', now() - interval '2 minutes')")
                    .fetch().rowsUpdated().block();
            assertThat(lease.current().blockOptional()).as("a dead rebuild is no rebuild").isEmpty();

            RebuildLease.Claim claim = lease.claim(index).block();
            assertThat(claim.granted()).isTrue();
            assertThat(claim.abandonedIndex()).isEqualTo("vigie-content-crashed");
            assertThat(lease.current().block().targetIndex()).isEqualTo(index);
            assertThat(lease.claim("vigie-content-other").block().granted()).as("a live lease is not shared").isFalse();
            lease.renew(index).block();

            db.sql("UPDATE search_rebuild SET heartbeat_at = now() - interval '2 minutes'").fetch().rowsUpdated().block();
            assertThatThrownBy(() -> lease.renew(index).block()).hasMessageContaining("expired");
        } finally {
            db.sql("DELETE FROM search_rebuild").fetch().rowsUpdated().block();
        }
        assertThat(lease.current().blockOptional()).isEmpty();
    }
}
