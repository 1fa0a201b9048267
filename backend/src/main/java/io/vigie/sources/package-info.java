/**
 * Watch sources: the RSS and Atom feeds a space follows, read safely and leniently, whose new
 * items become candidate articles in the space's watch inbox.
 */
package io.vigie.sources;
