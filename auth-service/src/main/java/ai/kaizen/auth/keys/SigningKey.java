package ai.kaizen.auth.keys;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPrivateKeySpec;
import java.security.spec.ECPublicKeySpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.text.ParseException;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.jspecify.annotations.Nullable;

/** The ES256 (EC P-256) key pair that signs access tokens, with its {@code kid}. */
public final class SigningKey {

    private static final Pattern PEM = Pattern.compile(
            "-----BEGIN ([A-Z ]+)-----(.*?)-----END \\1-----", Pattern.DOTALL);

    private final ECKey jwk;

    private SigningKey(ECKey jwk) {
        this.jwk = jwk;
    }

    /** Parses a PEM (PKCS#8 or SEC1) or JSON JWK EC P-256 private key. */
    public static SigningKey parse(String text, @Nullable String keyId) {
        String trimmed = text.strip();
        try {
            ECPrivateKey privateKey;
            if (trimmed.startsWith("{")) {
                JWK parsed = JWK.parse(trimmed);
                if (!(parsed instanceof ECKey ec) || !ec.isPrivate() || !Curve.P_256.equals(ec.getCurve())) {
                    throw new IllegalArgumentException("The signing JWK must be a private EC key on curve P-256");
                }
                privateKey = ec.toECPrivateKey();
            } else {
                privateKey = fromPem(trimmed.replace("\\n", "\n"));
            }
            return of(derivePublic(privateKey), privateKey, keyId);
        } catch (ParseException | JOSEException | GeneralSecurityException e) {
            throw new IllegalArgumentException("Cannot read the JWT signing key: " + e.getMessage(), e);
        }
    }

    /** A fresh random key pair; only for development, where restarts may invalidate tokens. */
    public static SigningKey generate(@Nullable String keyId) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            KeyPair pair = generator.generateKeyPair();
            return of((ECPublicKey) pair.getPublic(), (ECPrivateKey) pair.getPrivate(), keyId);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot generate an EC P-256 key pair", e);
        }
    }

    private static SigningKey of(ECPublicKey publicKey, ECPrivateKey privateKey, @Nullable String keyId) {
        try {
            ECKey.Builder builder = new ECKey.Builder(Curve.P_256, publicKey)
                    .privateKey(privateKey)
                    .keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.ES256);
            if (keyId == null) {
                builder.keyIDFromThumbprint();
            } else {
                builder.keyID(keyId);
            }
            return new SigningKey(builder.build());
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot compute the key thumbprint", e);
        }
    }

    private static ECPrivateKey fromPem(String pem) throws GeneralSecurityException {
        Matcher matcher = PEM.matcher(pem);
        if (!matcher.find()) {
            throw new IllegalArgumentException("Expected a PEM block (-----BEGIN PRIVATE KEY----- ...)");
        }
        byte[] der = Base64.getMimeDecoder().decode(matcher.group(2).replaceAll("\\s", ""));
        KeyFactory factory = KeyFactory.getInstance("EC");
        ECPrivateKey key = switch (matcher.group(1)) {
            case "PRIVATE KEY" -> (ECPrivateKey) factory.generatePrivate(new PKCS8EncodedKeySpec(der));
            case "EC PRIVATE KEY" -> {
                // SEC1, as written by 'openssl ecparam -genkey': the secret scalar is all we need.
                BigInteger d = org.bouncycastle.asn1.sec.ECPrivateKey.getInstance(der).getKey();
                yield (ECPrivateKey) factory.generatePrivate(new ECPrivateKeySpec(d, Curve.P_256.toECParameterSpec()));
            }
            default -> throw new IllegalArgumentException("Unsupported PEM block '" + matcher.group(1)
                    + "'; use PRIVATE KEY (PKCS#8) or EC PRIVATE KEY");
        };
        if (!Curve.P_256.equals(Curve.forECParameterSpec(key.getParams()))) {
            throw new IllegalArgumentException("The signing key must be on curve P-256 (ES256)");
        }
        return key;
    }

    /** Q = d·G on P-256; the JDK cannot derive a public key from a private one, BouncyCastle can. */
    private static ECPublicKey derivePublic(ECPrivateKey privateKey) throws GeneralSecurityException {
        X9ECParameters curve = CustomNamedCurves.getByName("secp256r1");
        org.bouncycastle.math.ec.ECPoint q = curve.getG().multiply(privateKey.getS()).normalize();
        ECPoint w = new ECPoint(q.getAffineXCoord().toBigInteger(), q.getAffineYCoord().toBigInteger());
        return (ECPublicKey) KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(w, privateKey.getParams()));
    }

    public String keyId() {
        return jwk.getKeyID();
    }

    /** The full key pair, private part included; only the token signer needs it. */
    public ECKey privateJwk() {
        return jwk;
    }

    public ECKey publicJwk() {
        return jwk.toPublicJWK();
    }

    public JWKSet publicJwkSet() {
        return new JWKSet(publicJwk());
    }
}
