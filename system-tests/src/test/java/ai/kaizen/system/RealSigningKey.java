package ai.kaizen.system;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.interfaces.ECPrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/**
 * The system-test stack's real signing key (./kaizen test configures auth-service with it), so a test
 * can mint a correctly signed token that differs from a real one in exactly one respect, e.g. expiry.
 */
final class RealSigningKey {

    private RealSigningKey() {
    }

    static String sign(String subject, Instant issuedAt, Instant expiresAt) throws Exception {
        String pem = Files.readString(Path.of(required("KAIZEN_SYSTEM_JWT_KEY_FILE")));
        byte[] der = Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", ""));
        ECPrivateKey key = (ECPrivateKey) KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(der));
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(required("KAIZEN_SYSTEM_JWT_ISSUER"))
                .audience("kaizen")
                .subject(subject)
                .issueTime(Date.from(issuedAt))
                .expirationTime(Date.from(expiresAt))
                .claim("roles", List.of("USER"))
                .claim("tier", "free")
                .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256)
                .keyID(required("KAIZEN_SYSTEM_JWT_KEY_ID")).build(), claims);
        jwt.sign(new ECDSASigner(key));
        return jwt.serialize();
    }

    private static String required(String name) {
        String value = System.getenv(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(name + " is not set; run the system tests with ./kaizen test");
        }
        return value;
    }
}
