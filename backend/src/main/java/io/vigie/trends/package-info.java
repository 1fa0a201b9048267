/**
 * What is rising in the trend-watch, computed from the engagement documents in Elasticsearch for
 * each reader, inside their visibility: rising articles (distinct people now against what the
 * days before lead one to expect, peak kept and decayed), top and new, trending topics
 * (significant terms), moderators' review of company-wide trends, and each space's weekly digest.
 */
package io.vigie.trends;
