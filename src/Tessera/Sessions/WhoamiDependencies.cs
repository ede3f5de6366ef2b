// SPDX-License-Identifier: Apache-2.0
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using Tessera.Hosting;
using Tessera.Identities;
using Tessera.Permissions;
using Tessera.Projects.Overlays;

namespace Tessera.Sessions;

/// <summary>What a whoami cache miss needs besides the session itself (keeps the handler's parameter list short).</summary>
internal sealed record WhoamiDependencies(ProjectOptions<SessionOptions> Options, IdentityStore Identities, PublicUrls Urls, IOptions<JsonOptions> Json, SubjectRelations Relations);
