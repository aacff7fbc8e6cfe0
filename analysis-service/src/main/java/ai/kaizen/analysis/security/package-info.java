/** Access-token handling of analysis-service on top of common-lib's resource-server defaults. */
@NullMarked
package ai.kaizen.analysis.security;

import org.jspecify.annotations.NullMarked;
