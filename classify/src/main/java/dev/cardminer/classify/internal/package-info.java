/** Implementation of the classifiers: rule tables, text preparation, vector maths. Not API. */
package dev.cardminer.classify.internal;
