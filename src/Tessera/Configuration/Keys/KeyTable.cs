// SPDX-License-Identifier: Apache-2.0
namespace Tessera.Configuration.Keys;

/// <summary>
/// Every key of Kratos's configuration schema and what Tessera does with it: the one table behind the start-up
/// warnings about keys Tessera does not use and behind docs/compatibility.md. A row covers its key and everything
/// below it; the longest row that covers a key decides. Tests fail when a schema key has no row, when a row
/// covers no schema key, or when the server reads a key that a row does not call implemented.
/// To change: edit the row, then regenerate the document with
/// <c>TESSERA_UPDATE_DOCS=1 dotnet test tests/Tessera.IntegrationTests -c Release --filter FullyQualifiedName~CompatibilityDocTests</c>.
/// </summary>
internal static class KeyTable
{
    private const string Proxy = "terminate TLS and serve sockets at a reverse proxy in front of Tessera";

    public static IReadOnlyList<KeyRule> Rules { get; } =
    [
        new("ciphers.algorithm", KeyStatus.Implemented, "aes (AES-256-GCM, default), xchacha20-poly1305; noop only in dev mode"),
        new("clients.http", KeyStatus.Implemented, "web hooks, breached-password checks and schema fetches"),
        new("clients.smtp", KeyStatus.Ignored, "the SMTP relay is the operator's own choice of connection_uri"),
        new("clients.web_hook", KeyStatus.Ignored),
        new("config", KeyStatus.Accepted, "a command-line flag in Kratos's schema (`--config`)"),
        new("cookies", KeyStatus.Implemented),
        new("courier.channels", KeyStatus.Implemented, "id sms, type http: url, method, headers, auth (basic_auth, api_key); the body is a JSON template with {{placeholders}} (base64:// or file://), not Jsonnet: a Jsonnet body is replaced by Kratos's default fields, with a warning at start-up; without a channel, text messages go to the log"),
        new("courier.delivery_strategy", KeyStatus.Implemented, "smtp only; http is refused at start-up"),
        new("courier.http", KeyStatus.Ignored, "the HTTP delivery strategy is not supported"),
        new("courier.message_retries", KeyStatus.Implemented),
        new("courier.smtp", KeyStatus.Implemented, "smtp:// (STARTTLS unless disable_starttls), smtps:// (implicit TLS), skip_ssl_verify, AUTH from the user info"),
        new("courier.smtp.client_cert_path", KeyStatus.Ignored, "client certificates are not supported"),
        new("courier.smtp.client_key_path", KeyStatus.Ignored, "client certificates are not supported"),
        new("courier.smtp.local_name", KeyStatus.Ignored),
        new("courier.template_override_path", KeyStatus.Implemented),
        new("courier.templates", KeyStatus.Implemented, "<type>.<valid|invalid>.email.{subject,body.html,body.plaintext} and .sms.body.plaintext: base64://, file:// or the Handlebars template inline; per project (an overlay takes base64:// or inline only); what is not set falls back to courier.template_override_path and the built-in templates"),
        new("courier.worker", KeyStatus.Implemented),
        new("database.cleanup", KeyStatus.Ignored, "`tessera cleanup` and the janitor have their own settings"),
        new("dev", KeyStatus.Implemented),
        new("dsn", KeyStatus.Implemented, "sqlite://, memory, postgres://"),
        new("enterprise", KeyStatus.Ignored),
        new("expose-metrics-port", KeyStatus.Ignored),
        new("feature_flags", KeyStatus.Accepted, "accepted for compatibility; Tessera behaves as with Kratos's current defaults"),
        new("hashers", KeyStatus.Implemented, "bcrypt cost below 12 is raised to 12 outside dev mode, with a warning"),
        new("hashers.argon2.dedicated_memory", KeyStatus.Ignored, "calibrate with `tessera hashers argon2 calibrate`"),
        new("hashers.argon2.expected_deviation", KeyStatus.Ignored, "calibrate with `tessera hashers argon2 calibrate`"),
        new("hashers.argon2.expected_duration", KeyStatus.Ignored, "calibrate with `tessera hashers argon2 calibrate`"),
        new("help", KeyStatus.Accepted, "a command-line flag in Kratos's schema"),
        new("identity", KeyStatus.Implemented),
        new("log", KeyStatus.Implemented),
        new("log.leak_sensitive_values", KeyStatus.Ignored, "Tessera never logs secrets"),
        new("log.redaction_text", KeyStatus.Ignored),
        new("oauth2_provider", KeyStatus.Refused, "delegating login to an external Hydra is not supported; ignoring it would break the operator's OAuth2 login flows"),
        new("organizations", KeyStatus.Ignored),
        new("preview", KeyStatus.Ignored),
        new("revision", KeyStatus.Accepted),
        new("secrets", KeyStatus.Implemented, "the first secret signs or encrypts, all verify or decrypt"),
        new("secrets.pagination", KeyStatus.Ignored, "page tokens are not encrypted"),
        new("security.account_enumeration", KeyStatus.Accepted, "Tessera never reveals whether an account exists (always on)"),
        new("security.disallow_ref_in_identity_schemas", KeyStatus.Ignored),
        new("selfservice", KeyStatus.Implemented),
        new("selfservice.flows.login.style", KeyStatus.Ignored),
        new("selfservice.flows.logout.after.default_browser_return_url", KeyStatus.Implemented),
        new("selfservice.flows.logout.clear_browser_data", KeyStatus.Ignored),
        new("selfservice.flows.registration.enable_legacy_one_step", KeyStatus.Implemented, "two steps by default, as Kratos 1.3"),
        new("selfservice.flows.registration.login_hints", KeyStatus.Ignored),
        new("selfservice.flows.registration.style", KeyStatus.Ignored),
        new("selfservice.methods.b2b", KeyStatus.Ignored),
        new("selfservice.methods.code.config.missing_credential_fallback_enabled", KeyStatus.Ignored),
        new("selfservice.methods.code.mfa_enabled", KeyStatus.Implemented, "a code to one of the account's own addresses as the second factor"),
        new("selfservice.methods.code.passwordless_enabled", KeyStatus.Implemented, "sign-in and sign-up with an e-mailed code"),
        new("selfservice.methods.link", KeyStatus.Implemented, "recovery and verification by e-mailed link"),
        new("selfservice.methods.oidc", KeyStatus.Implemented, "OpenID Connect and OAuth2 providers (generic and the google, microsoft, apple, gitlab, auth0, github, facebook, discord, slack presets) on browser, script (422 browser_location_change_required) and native login and registration (native apps: return_session_token_exchange_code and GET /sessions/token-exchange); mapper_url is a JSON template of claim paths (base64:// or file://), not Jsonnet: a Jsonnet mapper stops start-up; organization_id is accepted; user_info_url (Tessera) reads the claims of a plain OAuth2 provider (no issuer_url) from that URL; claims_source: userinfo reads an OpenID Connect provider's claims from its user info endpoint (its ID token is still validated and must name the same subject)"),
        new("selfservice.methods.passkey", KeyStatus.Implemented, "sign-up and sign-in with discoverable credentials on browser flows; attestation none, user verification required"),
        new("selfservice.methods.passkey.config.attestation", KeyStatus.Ignored, "attestation is always none"),
        new("selfservice.methods.passkey.config.authenticator_selection", KeyStatus.Ignored, "passkeys are always discoverable with user verification required"),
        new("selfservice.methods.passkey.config.timeouts", KeyStatus.Ignored, "Fido2's default ceremony timeout"),
        new("selfservice.methods.password.config.migrate_hook", KeyStatus.Ignored),
        new("selfservice.methods.webauthn", KeyStatus.Implemented, "security keys as a second factor (added and removed in settings, used at aal2); with config.passwordless, as the first factor instead: sign-up and sign-in with the key alone on browser flows (Kratos's two login steps; the account is named by the traits marked webauthn.identifier, else the password identifiers)"),
        new("selfservice.methods.webauthn.config.rp.icon", KeyStatus.Ignored, "deprecated in Kratos"),
        new("serve", KeyStatus.Implemented, "binds 127.0.0.1 unless host says otherwise"),
        new("serve.admin.socket", KeyStatus.Ignored, Proxy),
        new("serve.admin.tls", KeyStatus.Ignored, Proxy),
        new("serve.public.cors", KeyStatus.Implemented, "serve.admin.cors takes the same keys"),
        new("serve.public.socket", KeyStatus.Ignored, Proxy),
        new("serve.public.tls", KeyStatus.Ignored, Proxy),
        new("session", KeyStatus.Implemented),
        new("session.whoami.tokenizer", KeyStatus.Ignored),
        new("sqa-opt-out", KeyStatus.Accepted, "Tessera sends no telemetry"),
        new("tracing", KeyStatus.Implemented, "provider otel only: spans over OTLP/HTTP to providers.otlp.server_url (host:port; insecure: true for plain HTTP), providers.otlp.sampling.sampling_ratio, service_name; other providers are ignored with a warning. Metrics: /metrics on the admin listener, always on"),
        new("version", KeyStatus.Accepted),
        new("watch-courier", KeyStatus.Accepted, "`tessera serve` always runs the courier"),
    ];

    /// <summary>
    /// Ory Hydra's keys that the OAuth2 provider reads (issue 20), from Hydra's configuration schema: Kratos has none
    /// of these names. Kept apart from <see cref="Rules"/>, whose rows must each cover a key of Kratos's schema.
    /// </summary>
    public static IReadOnlyList<KeyRule> HydraRules { get; } =
    [
        new("urls.self.issuer", KeyStatus.Implemented, "default: the public base URL"),
        new("urls.login", KeyStatus.Implemented, "default: Tessera's own login page"),
        new("urls.consent", KeyStatus.Implemented, "default: Tessera's own consent page"),
        new("urls.logout", KeyStatus.Implemented, "default: Tessera's own logout page"),
        new("urls.error", KeyStatus.Implemented, "default: Tessera's error page"),
        new("urls.post_logout_redirect", KeyStatus.Implemented, "absolute URL; default: where Kratos's logout lands (selfservice.flows.logout.after.default_browser_return_url)"),
        new("strategies.access_token", KeyStatus.Implemented, "opaque (default, tsr_at_ prefix) or jwt"),
        new("ttl.access_token", KeyStatus.Implemented, "default 1h"),
        new("ttl.refresh_token", KeyStatus.Implemented, "default 720h"),
        new("ttl.id_token", KeyStatus.Implemented, "default 1h"),
        new("ttl.auth_code", KeyStatus.Implemented, "default 10m"),
        new("ttl.login_consent_request", KeyStatus.Implemented, "default 30m; login, consent and logout requests; the janitor deletes them an hour after"),
        new("oauth2.pkce.enforced", KeyStatus.Implemented, "default false"),
        new("oauth2.pkce.enforced_for_public_clients", KeyStatus.Implemented, "default true"),
        new("oauth2.grant.refresh_token.rotation_grace_period", KeyStatus.Implemented, "default 5s, at most 5m"),
        new("oauth2.token_hook", KeyStatus.Implemented, "a URL or {url, auth: api_key}; Tessera adds timeout (default 10s); every grant"),
        new("oauth2.refresh_token_hook", KeyStatus.Implemented, "as oauth2.token_hook; the refresh grant, before the token hook"),
        new("oauth2.revoke_tokens_on", KeyStatus.Implemented, "Tessera's own: password_change, identity_disabled, session_revoked (each default true) revoke the identity's tokens"),
    ];

    /// <summary>The longest row covering <paramref name="key"/>, or null for a key that is neither Kratos's nor a Hydra key Tessera reads.</summary>
    public static KeyRule? Find(string key)
    {
        KeyRule? best = null;
        foreach (var rule in Rules.Concat(HydraRules))
        {
            if (rule.Covers(key) && (best is null || rule.Key.Length > best.Key.Length))
            {
                best = rule;
            }
        }

        return best;
    }
}
