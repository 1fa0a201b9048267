package io.vigie.search;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.net.URI;
import java.util.List;

/**
 * Where the Elasticsearch node or cluster answers: one URL, or several separated by commas. With
 * several, the client spreads requests over them and sets a node that stops answering aside for a
 * while, retrying the request on another.
 */
@ConfigurationProperties("vigie.elasticsearch")
public record ElasticsearchProperties(@DefaultValue("http://127.0.0.1:9200") List<URI> url) {

    public ElasticsearchProperties {
        if (url.isEmpty()) {
            throw new IllegalArgumentException("vigie.elasticsearch.url needs at least one URL");
        }
        url = List.copyOf(url);
    }
}
