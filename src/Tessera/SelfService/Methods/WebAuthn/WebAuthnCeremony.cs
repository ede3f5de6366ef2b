// SPDX-License-Identifier: Apache-2.0
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Fido2NetLib;
using Fido2NetLib.Exceptions;
using Fido2NetLib.Objects;
using Tessera.Errors;

namespace Tessera.SelfService.Methods.WebAuthn;

/// <summary>
/// The two WebAuthn ceremonies for one relying party, done by Fido2 (no CBOR, COSE or signature code here): the
/// options a page hands to <c>navigator.credentials</c>, and the verification of what it returns against the options
/// the flow kept. Attestation is <c>none</c> (the key's make is not checked); user verification is required where the
/// credential replaces the password. Refusals are catalog errors.
/// </summary>
internal sealed class WebAuthnCeremony(RelyingParty relyingParty)
{
    private readonly Fido2 _fido2 = new(new Fido2Configuration
    {
        RPID = relyingParty.Id,
        RPName = relyingParty.DisplayName,
        Origins = relyingParty.Origins.ToHashSet(StringComparer.Ordinal),
    });

    public RelyingParty RelyingParty => relyingParty;

    /// <summary>Options for <c>navigator.credentials.create</c>; <paramref name="discoverable"/> asks for a passkey (resident key, user verification).</summary>
    public CredentialCreateOptions BeginRegistration(byte[] userHandle, string userName, IEnumerable<WebAuthnCredential> existing, bool discoverable) =>
        _fido2.RequestNewCredential(new RequestNewCredentialParams
        {
            User = new Fido2User { Id = userHandle, Name = userName, DisplayName = userName },
            ExcludeCredentials = existing.Select(c => new PublicKeyCredentialDescriptor(c.Id)).ToList(),
            AuthenticatorSelection = new AuthenticatorSelection
            {
                ResidentKey = discoverable ? ResidentKeyRequirement.Required : ResidentKeyRequirement.Discouraged,
                UserVerification = discoverable ? UserVerificationRequirement.Required : UserVerificationRequirement.Discouraged,
            },
            AttestationPreference = AttestationConveyancePreference.None,
        });

    /// <summary>Options for <c>navigator.credentials.get</c>: any discoverable credential (none listed), or one of <paramref name="allowed"/>.</summary>
    public AssertionOptions BeginLogin(IEnumerable<WebAuthnCredential>? allowed, bool requireUserVerification) =>
        _fido2.GetAssertionOptions(new GetAssertionOptionsParams
        {
            AllowedCredentials = allowed?.Select(c => new PublicKeyCredentialDescriptor(c.Id)).ToList() ?? [],
            UserVerification = requireUserVerification ? UserVerificationRequirement.Required : UserVerificationRequirement.Discouraged,
        });

    /// <summary>Verifies a registration response (the page's JSON) against the options the flow kept.</summary>
    public async Task<Result<WebAuthnCredential>> FinishRegistrationAsync(
        CredentialCreateOptions options, string response, string displayName, bool passwordless, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (Parse<AuthenticatorAttestationRawResponse>(response) is not { Response: not null } attestation)
        {
            return ErrorCatalog.WebAuthnResponseInvalid;
        }

        try
        {
            var made = await _fido2.MakeNewCredentialAsync(new MakeNewCredentialParams
            {
                AttestationResponse = attestation,
                OriginalOptions = options,
                IsCredentialIdUniqueToUserCallback = (_, _) => Task.FromResult(true),
            }, cancellationToken);
            return new WebAuthnCredential(made.Id, made.PublicKey, made.AttestationType ?? "none", made.AaGuid, made.SignCount, displayName, now, passwordless);
        }
        catch (Fido2VerificationException refused)
        {
            return Refusal(refused, clientData: attestation.Response.ClientDataJson);
        }
    }

    /// <summary>The assertion's credential id and user handle (unverified: only to find whose credential it claims to be).</summary>
    public static (byte[] CredentialId, byte[]? UserHandle)? Claimed(string response) =>
        Parse<AuthenticatorAssertionRawResponse>(response) is { RawId: { Length: > 0 } rawId, Response: not null } assertion
            ? (rawId, assertion.Response.UserHandle)
            : null;

    /// <summary>Verifies an assertion against the options the flow kept and the stored credential; the new signature counter.</summary>
    public async Task<Result<uint>> FinishLoginAsync(
        AssertionOptions options, string response, WebAuthnCredential stored, byte[]? userHandle, CancellationToken cancellationToken)
    {
        if (Parse<AuthenticatorAssertionRawResponse>(response) is not { Response: not null } assertion)
        {
            return ErrorCatalog.WebAuthnResponseInvalid;
        }

        try
        {
            var verified = await _fido2.MakeAssertionAsync(new MakeAssertionParams
            {
                AssertionResponse = assertion,
                OriginalOptions = options,
                StoredPublicKey = stored.PublicKey,
                StoredSignatureCounter = stored.SignCount,
                IsUserHandleOwnerOfCredentialIdCallback = (owner, _) =>
                    Task.FromResult(userHandle is null || owner.UserHandle is null || owner.UserHandle.AsSpan().SequenceEqual(userHandle)),
            }, cancellationToken);
            return verified.SignCount;
        }
        catch (Fido2VerificationException refused)
        {
            return Refusal(refused, assertion.Response.ClientDataJson, stored.SignCount);
        }
    }

    private static TesseraError Refusal(Fido2VerificationException refused, byte[]? clientData, uint storedCount = 0) => refused.Code switch
    {
        Fido2ErrorCode.InvalidAuthenticatorResponseOrigin or Fido2ErrorCode.MissingAuthenticatorResponseOrigin =>
            ErrorCatalog.WebAuthnOriginMismatch.With(new Dictionary<string, object?> { ["origin"] = ClientOrigin(clientData) }),
        Fido2ErrorCode.InvalidAuthenticatorResponseChallenge or Fido2ErrorCode.MissingAuthenticatorResponseChallenge =>
            new TesseraError(ErrorCatalog.WebAuthnChallengeInvalid),
        Fido2ErrorCode.InvalidSignCount =>
            ErrorCatalog.WebAuthnSignCountInvalid.With(new Dictionary<string, object?> { ["stored"] = storedCount, ["received"] = "not above it" }),
        Fido2ErrorCode.UserVerificationRequirementNotMet => new TesseraError(ErrorCatalog.WebAuthnUserVerificationRequired),
        _ => new TesseraError(ErrorCatalog.WebAuthnResponseInvalid),
    };

    private static string ClientOrigin(byte[]? clientData)
    {
        try
        {
            return clientData is null ? "an unknown origin" : JsonNode.Parse(Encoding.UTF8.GetString(clientData))?["origin"]?.ToString() ?? "an unknown origin";
        }
        catch (JsonException)
        {
            return "an unknown origin";
        }
    }

    private static T? Parse<T>(string json)
        where T : class
    {
        try
        {
            return JsonSerializer.Deserialize<T>(json);
        }
        catch (Exception e) when (e is JsonException or FormatException or NotSupportedException or ArgumentException)
        {
            return null;
        }
    }
}
