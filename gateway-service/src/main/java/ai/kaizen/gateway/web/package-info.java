@NullMarked
package ai.kaizen.gateway.web;

import org.jspecify.annotations.NullMarked;
