/**
 * Employee advocacy: moderators mark an article or a post as an item to share outside; employees
 * share it on LinkedIn, X or by email with a personal tracked link ({@code /go/{code}}), which
 * counts clicks without keeping anything about the visitor beyond a day, and redirects only to
 * the item's own target with UTM parameters naming the campaign and the sharer's department.
 */
package io.vigie.advocacy;
