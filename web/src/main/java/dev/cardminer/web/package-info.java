/**
 * The local web explorer of a store ({@code cardminer serve}); entry point {@link dev.cardminer.web.Explorer}.
 */
package dev.cardminer.web;
