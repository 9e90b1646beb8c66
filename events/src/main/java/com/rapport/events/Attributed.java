package com.rapport.events;

/** An event that names the member of staff who did what it records (null when nobody did, e.g. a survey). */
public interface Attributed {

    String staffId();
}
