package io.vigie.search;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.net.URI;

/** Where the Elasticsearch node or cluster answers. */
@ConfigurationProperties("vigie.elasticsearch")
public record ElasticsearchProperties(@DefaultValue("http://127.0.0.1:9200") URI url) {}
