// SPDX-License-Identifier: Apache-2.0
namespace Tessera.Configuration.Keys;

/// <summary>What Tessera does with a Kratos configuration key.</summary>
internal enum KeyStatus
{
    /// <summary>Read and honoured as Kratos does (the note says where it differs).</summary>
    Implemented,

    /// <summary>Accepted without effect and without a warning: it changes nothing a client could notice here.</summary>
    Accepted,

    /// <summary>Accepted and ignored, with a warning at start-up.</summary>
    Ignored,

    /// <summary>Start-up stops when it is set: ignoring it would silently change what the operator asked for.</summary>
    Refused,
}
