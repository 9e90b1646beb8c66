package com.rapport.platform.web;

import org.springframework.http.ResponseEntity;

import java.net.URI;
import java.util.UUID;

/** A command's answer: the id of what it concerns, and where to find it. */
public record CommandReply(UUID id) {

    /** 201: the new thing's event is committed. */
    public static ResponseEntity<CommandReply> created(String location, UUID id) {
        return ResponseEntity.created(URI.create(location)).body(new CommandReply(id));
    }

    /** 202: the change's event is committed (or there was nothing to change); read models follow. */
    public static ResponseEntity<CommandReply> accepted(String location, UUID id) {
        return ResponseEntity.accepted().location(URI.create(location)).body(new CommandReply(id));
    }
}
