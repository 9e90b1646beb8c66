package com.rapport.accounts.directory;

import com.rapport.events.account.Tier;

/** Which accounts to list: every filter is optional; {@code text} matches part of the name. */
public record DirectoryQuery(String ownerId, Tier tier, AccountStatus status, String text, int page, int size) {
}
