// SPDX-License-Identifier: Apache-2.0
using Microsoft.Extensions.Logging;

namespace Tessera.IntegrationTests.Fixtures;

public sealed record LogCaptureEntry(string Category, LogLevel Level, int EventId, string Message, Exception? Exception);
