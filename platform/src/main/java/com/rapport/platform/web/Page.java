package com.rapport.platform.web;

import java.util.List;

/** A page of a list, as the HTTP contract shapes it. */
public record Page<T>(List<T> items, int page, int size, long total) {
}
