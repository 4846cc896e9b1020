package org.vmalab.engine;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a type of an engine sub-package as part of the engine's face: code outside {@code org.vmalab.engine}
 * may use it. Every other type of the sub-packages is the engine's own ({@code ArchitectureTest} fails the build
 * when code outside the engine imports one). The types of the root package {@code org.vmalab.engine} are all
 * part of the face.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface Face {
}
