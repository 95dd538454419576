package org.conventionledger.command.oversight;

import java.time.Instant;

/** Publish a seal of the log: the integrity chain's head at a position, as the read side computed it. */
public record PublishSeal(
        String sealId, String chain, long position, String head, long length, Instant sealedAt, String reason) {}
