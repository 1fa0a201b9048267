package io.vigie.kudos;

/** One of the company's values: the badge a kudos carries. A retired value is no longer offered. */
public record CompanyValue(String id, String label, String description, boolean retired) {}
