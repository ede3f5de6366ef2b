// SPDX-License-Identifier: Apache-2.0
using System.Text.Json.Nodes;
using Tessera.Errors;

namespace Tessera.OAuth2.Clients;

/// <summary>
/// What the admin API does with clients: create (generating the id and a secret unless given), replace, patch,
/// rotate the secret, delete. The plaintext secret leaves only in the answer to create or rotate (or a PUT/PATCH
/// that set one), never stored and never readable again.
/// </summary>
internal sealed class ClientRegistry(ClientStore store, ClientSecretHasher hasher, TimeProvider clock)
{
    public sealed record Saved(OAuth2Client Client, string? Secret);

    public async Task<Result<Saved>> CreateAsync(JsonNode? body, CancellationToken cancellationToken)
    {
        if (!ClientDocumentParser.Parse(body).TryGetValue(out var draft, out var error))
        {
            return error;
        }

        var now = clock.GetUtcNow();
        var (secret, hash) = Secret(draft, existingHash: null);
        var client = new OAuth2Client(draft.Document, hash, now, now);
        return await store.InsertAsync(client, cancellationToken)
            ? new Saved(client, secret)
            : OAuth2Errors.Of(ErrorCatalog.OAuth2ClientConflict, ("client_id", draft.ClientId));
    }

    public async Task<Result<Saved>> ReplaceAsync(string clientId, JsonNode? body, CancellationToken cancellationToken)
    {
        var existing = await store.FindAsync(clientId, cancellationToken);
        if (existing is null)
        {
            return NotFound(clientId);
        }

        return ClientDocumentParser.Parse(body, clientId).TryGetValue(out var draft, out var error)
            ? await SaveAsync(existing, draft, cancellationToken)
            : error;
    }

    public async Task<Result<Saved>> PatchAsync(string clientId, JsonNode? patch, CancellationToken cancellationToken)
    {
        var existing = await store.FindAsync(clientId, cancellationToken);
        if (existing is null)
        {
            return NotFound(clientId);
        }

        var (patched, problem) = ClientJsonPatch.Apply(existing.Document, patch);
        if (patched is null)
        {
            return OAuth2Errors.Problem(ErrorCatalog.OAuth2ClientMetadataInvalid, problem!);
        }

        if ((string?)patched["client_id"] != clientId)
        {
            return OAuth2Errors.Problem(ErrorCatalog.OAuth2ClientMetadataInvalid, "client_id cannot be changed");
        }

        return ClientDocumentParser.Parse(patched, clientId).TryGetValue(out var draft, out var error)
            ? await SaveAsync(existing, draft, cancellationToken)
            : error;
    }

    /// <summary>A new server-generated secret for the client; the old one stops working at once.</summary>
    public async Task<Result<Saved>> RotateSecretAsync(string clientId, CancellationToken cancellationToken)
    {
        var existing = await store.FindAsync(clientId, cancellationToken);
        if (existing is null)
        {
            return NotFound(clientId);
        }

        var secret = ClientSecretHasher.Generate();
        var client = new OAuth2Client(existing.Document, hasher.HashGenerated(secret), existing.CreatedAt, clock.GetUtcNow());
        return await store.UpdateAsync(client, cancellationToken) ? new Saved(client, secret) : NotFound(clientId);
    }

    public static TesseraError NotFound(string clientId) => OAuth2Errors.Of(ErrorCatalog.OAuth2ClientNotFound, ("client_id", clientId));

    private async Task<Result<Saved>> SaveAsync(OAuth2Client existing, ClientDraft draft, CancellationToken cancellationToken)
    {
        var (secret, hash) = Secret(draft, existing.SecretHash);
        var client = new OAuth2Client(draft.Document, hash, existing.CreatedAt, clock.GetUtcNow());
        return await store.UpdateAsync(client, cancellationToken) ? new Saved(client, secret) : NotFound(existing.ClientId);
    }

    /// <summary>
    /// The secret to show and the hash to keep: a chosen secret is hashed with PBKDF2; a client that authenticates with
    /// a secret and has none yet gets a generated one (keyed hash); public and private_key_jwt clients keep none.
    /// </summary>
    private (string? Secret, string? Hash) Secret(ClientDraft draft, string? existingHash)
    {
        if (!ClientAuthMethods.UsesSecret(draft.AuthMethod))
        {
            return (null, null);
        }

        if (draft.ChosenSecret is { } chosen)
        {
            return (chosen, ClientSecretHasher.HashChosen(chosen));
        }

        if (existingHash is not null)
        {
            return (null, existingHash);
        }

        var generated = ClientSecretHasher.Generate();
        return (generated, hasher.HashGenerated(generated));
    }
}
