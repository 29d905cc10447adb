package io.clickstream.launcher;

import java.util.Map;
import java.util.UUID;

/**
 * A user with an app and a read API key, made through a metadata API as a person would; the owner's
 * access token changes the app's configuration.
 */
record MetadataUsers(String appId, String apiKey, String accessToken) {
  static final String PASSWORD = "correct horse battery staple";

  static MetadataUsers ownerWithApp(String metadataUrl) throws Exception {
    String email = "owner-" + UUID.randomUUID().toString().substring(0, 8) + "@launcher.example";
    HttpCalls.call(
        "POST",
        metadataUrl + "/v1/auth/register",
        null,
        Map.of("email", email, "password", PASSWORD, "name", "Owner"),
        201);
    String token =
        HttpCalls.call(
                "POST",
                metadataUrl + "/v1/auth/login",
                null,
                Map.of("email", email, "password", PASSWORD),
                200)
            .path("access_token")
            .asText();
    String appId =
        HttpCalls.call("POST", metadataUrl + "/v1/apps", token, Map.of("name", "Shop"), 201)
            .path("id")
            .asText();
    String apiKey =
        HttpCalls.call(
                "POST", metadataUrl + "/v1/apps/" + appId + "/api-keys", token, Map.of(), 201)
            .path("key")
            .asText();
    return new MetadataUsers(appId, apiKey, token);
  }
}
