package org.conventionledger.command.platform;

/**
 * A command anyone may send without an account (a citizen's referral to the garants): sent that way, it
 * acts as {@link Actor#PUBLIC}. Every other command still needs an authenticated caller.
 */
public interface OpenToThePublic {}
