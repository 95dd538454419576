package org.conventionledger.command.oversight;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A garant countersigns a seal: an Ed25519 signature of the seal's text with their own key. */
public record CountersignSeal(
        @TargetAggregateIdentifier String sealId, String signer, String publicKey, String signature) {}
