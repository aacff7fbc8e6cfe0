package ai.kaizen.auth.keys;

import java.security.KeyPairGenerator;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import ai.kaizen.auth.AuthServiceApplication;
import ai.kaizen.testsupport.TestDatabase;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import org.bouncycastle.asn1.sec.ECPrivateKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@ExtendWith(OutputCaptureExtension.class)
class SigningKeyTests {

    @Test
    void readsAPkcs8PemKeyAndDerivesItsPublicKey() throws Exception {
        var pair = ecPair();
        String pem = "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(pair.getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n";

        SigningKey key = SigningKey.parse(pem, "prod-2030-01");
        assertThat(key.keyId()).isEqualTo("prod-2030-01");
        assertThat(key.publicJwk().toECPublicKey().getW()).isEqualTo(((ECPublicKey) pair.getPublic()).getW());
        assertThat(key.publicJwk().isPrivate()).isFalse();

        // Environment files often carry the PEM on one line with literal \n.
        SigningKey oneLine = SigningKey.parse(pem.replace("\n", "\\n"), null);
        assertThat(oneLine.publicJwk().toECPublicKey().getW()).isEqualTo(((ECPublicKey) pair.getPublic()).getW());
        assertThat(oneLine.keyId()).as("RFC 7638 thumbprint by default")
                .isEqualTo(new ECKey.Builder(Curve.P_256, (ECPublicKey) pair.getPublic()).build()
                        .computeThumbprint().toString());
    }

    @Test
    void readsSec1PemAndPrivateJwk() throws Exception {
        var pair = ecPair();
        java.security.interfaces.ECPrivateKey priv = (java.security.interfaces.ECPrivateKey) pair.getPrivate();
        byte[] sec1 = new ECPrivateKey(256, priv.getS()).getEncoded();
        String pem = "-----BEGIN EC PRIVATE KEY-----\n" + Base64.getMimeEncoder().encodeToString(sec1)
                + "\n-----END EC PRIVATE KEY-----";
        assertThat(SigningKey.parse(pem, null).publicJwk().toECPublicKey().getW())
                .isEqualTo(((ECPublicKey) pair.getPublic()).getW());

        String jwk = new ECKey.Builder(Curve.P_256, (ECPublicKey) pair.getPublic()).privateKey(priv).keyID("j1")
                .build().toJSONString();
        SigningKey fromJwk = SigningKey.parse(jwk, null);
        assertThat(fromJwk.publicJwk().toECPublicKey().getW()).isEqualTo(((ECPublicKey) pair.getPublic()).getW());
    }

    @Test
    void rejectsKeysThatAreNotPrivateP256Keys() throws Exception {
        KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
        rsa.initialize(2048);
        String rsaPem = "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder().encodeToString(rsa.generateKeyPair().getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----";
        assertThatThrownBy(() -> SigningKey.parse(rsaPem, null)).hasMessageContaining("signing key");

        KeyPairGenerator p384 = KeyPairGenerator.getInstance("EC");
        p384.initialize(new ECGenParameterSpec("secp384r1"));
        String p384Pem = "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder().encodeToString(p384.generateKeyPair().getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----";
        assertThatThrownBy(() -> SigningKey.parse(p384Pem, null)).hasMessageContaining("P-256");

        String publicOnly = SigningKey.generate(null).publicJwk().toJSONString();
        assertThatThrownBy(() -> SigningKey.parse(publicOnly, null)).hasMessageContaining("private");
        assertThatThrownBy(() -> SigningKey.parse("not a key", null)).hasMessageContaining("PEM");
    }

    @Test
    void refusesToStartWithoutAKeyOutsideDev(CapturedOutput output) {
        assertThatThrownBy(() -> run(Map.of())).satisfies(failure -> {
            Throwable root = failure;
            while (root.getCause() != null && !(root instanceof MissingSigningKeyException)) {
                root = root.getCause();
            }
            assertThat(root).isInstanceOf(MissingSigningKeyException.class);
        });
        assertThat(output.getAll()).contains("KAIZEN_JWT_PRIVATE_KEY").contains("refuses to start");
    }

    @Test
    void theDevProfileGeneratesAnEphemeralKeyAndSaysSo(CapturedOutput output) {
        Map<String, String> dev = new LinkedHashMap<>();
        dev.put("spring.profiles.active", "dev");
        dev.put("kaizen.auth.keys.generate-ephemeral", null); // only application-dev.yml may turn it on
        try (ConfigurableApplicationContext context = run(dev)) {
            SigningKey key = context.getBean(SigningKey.class);
            assertThat(key.privateJwk().isPrivate()).isTrue();
            assertThat(output.getAll()).contains("EPHEMERAL").contains(key.keyId());
        }
    }

    @Test
    void aConfiguredKeyIsUsedAndNothingIsGenerated(CapturedOutput output) throws Exception {
        var pair = ecPair();
        String pem = "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder().encodeToString(pair.getPrivate().getEncoded()) + "\n-----END PRIVATE KEY-----";
        try (ConfigurableApplicationContext context = run(Map.of("kaizen.auth.keys.private-key", pem,
                "kaizen.auth.keys.key-id", "configured-1"))) {
            SigningKey key = context.getBean(SigningKey.class);
            assertThat(key.keyId()).isEqualTo("configured-1");
            assertThat(key.publicJwk().toECPublicKey().getW()).isEqualTo(((ECPublicKey) pair.getPublic()).getW());
            assertThat(output.getAll()).doesNotContain("EPHEMERAL");
        }
    }

    /**
     * The real application on a random port against the test database, settings passed as
     * command-line arguments (they outrank application.yml and application-dev.yml). By default no
     * key is configured; {@code overrides} replace defaults, a null value removes one.
     */
    private static ConfigurableApplicationContext run(Map<String, String> overrides) {
        var db = TestDatabase.migrated();
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("server.port", "0");
        settings.put("spring.datasource.url", db.url() + "?currentSchema=auth");
        settings.put("spring.datasource.username", db.user());
        settings.put("spring.datasource.password", db.password());
        settings.put("spring.main.banner-mode", "off");
        settings.put("kaizen.auth.keys.private-key", "");
        settings.put("kaizen.auth.keys.generate-ephemeral", "false");
        settings.putAll(overrides);
        String[] args = settings.entrySet().stream()
                .filter(e -> e.getValue() != null)
                .map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new);
        return new SpringApplicationBuilder(AuthServiceApplication.class).run(args);
    }

    private static java.security.KeyPair ecPair() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        return generator.generateKeyPair();
    }
}
