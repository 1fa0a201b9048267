package io.vigie.search;

import co.elastic.clients.elasticsearch.ElasticsearchAsyncClient;
import co.elastic.clients.json.jackson.Jackson3JsonpMapper;
import co.elastic.clients.transport.rest5_client.Rest5ClientTransport;
import co.elastic.clients.transport.rest5_client.low_level.Rest5Client;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The official Elasticsearch client, non-blocking (futures), with Jackson 3 like the rest of the API. */
@Configuration
class ElasticsearchConfig {

    @Bean(destroyMethod = "close")
    Rest5Client elasticsearchRestClient(ElasticsearchProperties properties) {
        return Rest5Client.builder(properties.url()).build();
    }

    @Bean
    ElasticsearchAsyncClient elasticsearchClient(Rest5Client restClient) {
        return new ElasticsearchAsyncClient(new Rest5ClientTransport(restClient, new Jackson3JsonpMapper()));
    }
}
