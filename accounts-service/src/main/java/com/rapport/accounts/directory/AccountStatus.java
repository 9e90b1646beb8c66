package com.rapport.accounts.directory;

/** Whether the client is with us. */
public enum AccountStatus {
    ACTIVE, LOST
}
