package org.vmalab.engine;

/** MICRO: one store or visit per step (races need it). MACRO: a labelled group (a case, a walk) per step. */
public enum Granularity { MICRO, MACRO }
