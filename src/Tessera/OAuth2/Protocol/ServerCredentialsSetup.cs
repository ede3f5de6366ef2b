// SPDX-License-Identifier: Apache-2.0
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using Microsoft.AspNetCore;
using OpenIddict.Abstractions;
using OpenIddict.Server;
using Tessera.OAuth2.Keys;
using Tessera.Security.Secrets;

namespace Tessera.OAuth2.Protocol;

/// <summary>
/// Gives OpenIddict the keys every node shares: the ID-token set's keys from the database at start-up (which OpenIddict
/// requires; from then on <see cref="CodeSigningCredentialsHandler"/> and <see cref="CodeValidationKeysHandler"/> take
/// the signing and verification keys from the key ring live), and AES keys derived from the server secrets to encrypt
/// what OpenIddict keeps self-contained (authorization codes): the first secret's key encrypts, every configured
/// secret's key decrypts, so a code issued by one node is redeemable on any other and across a secret rotation. Runs
/// when OpenIddict's options are first read, which is after <see cref="OAuth2KeyRing.InitialiseAsync"/> at start-up.
/// </summary>
internal sealed class ServerCredentialsSetup(OAuth2KeyRing ring, ServerSecrets secrets, OAuth2Options options, TimeProvider clock) : IConfigureOptions<OpenIddictServerOptions>
{
    private static readonly SecretPurpose Purpose = new("tessera/oauth2-openiddict-encryption/v1");

    public void Configure(OpenIddictServerOptions server)
    {
        server.Issuer = options.Issuer;
        server.TimeProvider = clock;
        foreach (var key in ring.Keys.Where(k => k.Set == KeySets.IdToken))
        {
            server.SigningCredentials.Add(key.Credentials);
        }

        foreach (var encryption in secrets.For(Purpose).SignEach("openiddict-encryption"u8))
        {
            server.EncryptionCredentials.Add(new EncryptingCredentials(new SymmetricSecurityKey(encryption), SecurityAlgorithms.Aes256KW, SecurityAlgorithms.Aes256CbcHmacSha512));
        }
        server.AuthorizationCodeLifetime = options.AuthorizationCodeLifespan;
        server.AccessTokenLifetime = options.AccessTokenLifespan;
        server.IdentityTokenLifetime = options.IdTokenLifespan;
        server.RefreshTokenLifetime = options.RefreshTokenLifespan;
    }
}
