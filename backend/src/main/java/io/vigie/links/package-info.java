/**
 * Links people share: parsing and canonicalising URLs, refusing every address that is not the
 * public web (SSRF), and fetching pages within strict limits. Articles and previews build on it.
 */
package io.vigie.links;
