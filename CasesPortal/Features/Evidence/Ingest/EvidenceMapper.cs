using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using CasesPortal.Features.Evidence.Model;

namespace CasesPortal.Features.Evidence.Ingest;

/// <summary>One parsed document: the record to store, or why it was refused; <c>Skipped</c> for STIX objects that are not indicators.</summary>
public sealed record MappedDocument<T>(string? Id, T? Record, BulkError? Error, bool Skipped = false) where T : class
{
    public static MappedDocument<T> Fail(string? id, BulkError error) => new(id, null, error);
}

/// <summary>Turns ECS and STIX documents into rows: the original JSON kept whole, the indexed fields copied out.</summary>
public static class EvidenceMapper
{
    private static readonly string[] EcsNames =
    [
        "_id", "@timestamp", "event.id", "host.id", "host.name", "host.os.name", "host.os.family", "host.os.version", "host.ip",
        "user.name", "source.ip", "destination.ip",
        "process.name", "event.category", "event.action", "event.outcome", "message",
    ];

    private static readonly (HashSet<string>, HashSet<string>) EventSchema = EcsFields.Schema(EcsNames);

    /// <summary>
    /// Where Elastic Security 7.x (<c>.siem-signals</c>) kept what 8.x keeps under <c>kibana.alert.*</c>: read when the
    /// newer field is absent, so alerts exported from an older stack keep their rule, severity and status.
    /// </summary>
    private static readonly Dictionary<string, string> LegacySignalFields = new(StringComparer.Ordinal)
    {
        ["kibana.alert.rule.name"] = "signal.rule.name",
        ["kibana.alert.rule.uuid"] = "signal.rule.id",
        ["kibana.alert.severity"] = "signal.rule.severity",
        ["kibana.alert.risk_score"] = "signal.rule.risk_score",
        ["kibana.alert.reason"] = "signal.reason",
        ["kibana.alert.workflow_status"] = "signal.status",
        ["kibana.alert.rule.threat"] = "signal.rule.threat",
    };

    private static readonly (HashSet<string>, HashSet<string>) AlertSchema = EcsFields.Schema(
    [
        .. EcsNames, "kibana.alert.uuid", "kibana.alert.rule.name", "kibana.alert.rule.uuid", "kibana.alert.severity",
        "kibana.alert.risk_score", "kibana.alert.reason", "kibana.alert.workflow_status", "kibana.alert.rule.threat",
        .. LegacySignalFields.Values,
    ]);

    /// <summary>The field, or its 7.x <c>signal.*</c> name when the document has only that one.</summary>
    private static string AlertField(EcsFields fields, string name) =>
        !fields.Has(name) && LegacySignalFields.TryGetValue(name, out var legacy) && fields.Has(legacy) ? legacy : name;

    /// <summary>Where ECS puts an indicator's value, per <c>threat.indicator.type</c>; the generic ones are tried after.</summary>
    private static readonly Dictionary<string, string[]> IndicatorValueFields = new(StringComparer.OrdinalIgnoreCase)
    {
        ["ipv4-addr"] = ["threat.indicator.ip"],
        ["ipv6-addr"] = ["threat.indicator.ip"],
        ["url"] = ["threat.indicator.url.full", "threat.indicator.url.original"],
        ["domain-name"] = ["threat.indicator.url.domain", "threat.indicator.domain"],
        ["email-addr"] = ["threat.indicator.email.address"],
        ["file"] = ["threat.indicator.file.hash.sha256", "threat.indicator.file.hash.sha1", "threat.indicator.file.hash.md5", "threat.indicator.file.name"],
    };

    private static readonly string[] GenericIndicatorValueFields = ["threat.indicator.name", "threat.indicator.ip", "threat.indicator.url.full", "threat.indicator.domain"];

    private static readonly (HashSet<string>, HashSet<string>) IndicatorSchema = EcsFields.Schema(
    [
        "_id", "@timestamp", "threat.indicator.type", "threat.indicator.provider", "threat.feed.name", "threat.indicator.confidence",
        "threat.indicator.first_seen", "threat.indicator.last_seen",
        .. IndicatorValueFields.Values.SelectMany(v => v), .. GenericIndicatorValueFields,
    ]);

    public static MappedDocument<Alert> MapAlert(BulkDocument input, IngestOptions limits, DateTimeOffset now) =>
        Guarded(input, () => MapAlertDocument(input, limits, now));

    public static MappedDocument<SecurityEvent> MapEvent(BulkDocument input, IngestOptions limits, DateTimeOffset now) =>
        Guarded(input, () => MapEventDocument(input, limits, now));

    public static MappedDocument<Indicator> MapIndicator(BulkDocument input, IngestOptions limits, DateTimeOffset now) =>
        Guarded(input, () => MapIndicatorDocument(input, limits, now));

    /// <summary>
    /// A document the mapper did not foresee (a value of a type System.Text.Json refuses to hand out as asked) is refused
    /// in its own item: it must never fail the request and lose the good documents beside it. So is one holding text that
    /// is not Unicode, which could be stored but never shown or served again.
    /// </summary>
    private static MappedDocument<T> Guarded<T>(BulkDocument input, Func<MappedDocument<T>> map) where T : class
    {
        // A refused document keeps the id its action line gave, as Elasticsearch answers.
        if (input.Error is null && UnpairedSurrogates.Find(input.Json.Span) is { } escape)
            return MappedDocument<T>.Fail(input.ActionId, BulkError.Parse(
                $"not valid Unicode: the escape [{escape}] is half of a UTF-16 surrogate pair without its other half."));
        try
        {
            var mapped = map();
            return mapped is { Id: null, Error: not null } && input.ActionId is { } actionId ? mapped with { Id = actionId } : mapped;
        }
        catch (Exception ex) when (ex is InvalidOperationException or FormatException or OverflowException or ArgumentException)
        {
            return MappedDocument<T>.Fail(input.ActionId, BulkError.Mapping($"the document could not be read: {ex.Message}"));
        }
    }

    private static MappedDocument<Alert> MapAlertDocument(BulkDocument input, IngestOptions limits, DateTimeOffset now)
    {
        if (Open(input, limits, AlertSchema) is not { } opened) return MappedDocument<Alert>.Fail(null, OpenError(input, limits));
        var (document, fields, error) = opened;
        using (document)
        {
            var id = fields.Text("kibana.alert.uuid", int.MaxValue) ?? fields.Text("_id", int.MaxValue) ?? Guid.NewGuid().ToString();
            if ((error ?? CheckId(id)) is { } refused) return MappedDocument<Alert>.Fail(Shorten(id), refused);
            string Field(string name) => AlertField(fields, name);
            var alert = new Alert
            {
                RuleName = fields.Text(Field("kibana.alert.rule.name")),
                RuleUuid = fields.Text(Field("kibana.alert.rule.uuid")),
                Severity = fields.Text(Field("kibana.alert.severity"), 32)?.ToLowerInvariant(),
                WorkflowStatus = WorkflowStatus(fields.Text(Field("kibana.alert.workflow_status"), 32)),
                Reason = fields.Text(Field("kibana.alert.reason"), EcsRecord.TextMaxLength),
                Threat = fields.Json(Field("kibana.alert.rule.threat"), JsonValueKind.Array) ?? SingleThreat(fields.Json(Field("kibana.alert.rule.threat"), JsonValueKind.Object)),
            };
            var (risk, riskError) = fields.Number(Field("kibana.alert.risk_score"));
            if (riskError is not null) return MappedDocument<Alert>.Fail(id, riskError);
            if (risk is < 0 or > 100)
                return MappedDocument<Alert>.Fail(id, BulkError.Mapping($"[{Field("kibana.alert.risk_score")}] must be from 0 to 100, as Elastic Security scores risk (got {risk})."));
            alert.RiskScore = risk;
            return FillEcs(alert, id, fields, document, now) is { } ecsError
                ? MappedDocument<Alert>.Fail(id, ecsError)
                : new MappedDocument<Alert>(id, alert, null);
        }
    }

    private static MappedDocument<SecurityEvent> MapEventDocument(BulkDocument input, IngestOptions limits, DateTimeOffset now)
    {
        if (Open(input, limits, EventSchema) is not { } opened) return MappedDocument<SecurityEvent>.Fail(null, OpenError(input, limits));
        var (document, fields, error) = opened;
        using (document)
        {
            var id = fields.Text("_id", int.MaxValue) ?? fields.Text("event.id", int.MaxValue) ?? Guid.NewGuid().ToString();
            if ((error ?? CheckId(id)) is { } refused) return MappedDocument<SecurityEvent>.Fail(Shorten(id), refused);
            var record = new SecurityEvent();
            return FillEcs(record, id, fields, document, now) is { } ecsError
                ? MappedDocument<SecurityEvent>.Fail(id, ecsError)
                : new MappedDocument<SecurityEvent>(id, record, null);
        }
    }

    private static MappedDocument<Indicator> MapIndicatorDocument(BulkDocument input, IngestOptions limits, DateTimeOffset now)
    {
        if (Open(input, limits, IndicatorSchema) is not { } opened) return MappedDocument<Indicator>.Fail(null, OpenError(input, limits));
        var (document, fields, error) = opened;
        using (document)
        {
            var root = Source(document.RootElement);
            if (error is not null) return MappedDocument<Indicator>.Fail(null, error);
            return IsStixObject(root) ? MapStix(root, input.Stix, now) : MapEcsIndicator(root, fields, now);
        }
    }

    private static MappedDocument<Indicator> MapStix(JsonElement root, StixContext? context, DateTimeOffset now)
    {
        var id = root.GetProperty("id").GetString()!;
        var type = root.GetProperty("type").GetString();
        if (type != "indicator") return new MappedDocument<Indicator>(id, null, null, Skipped: true);
        if (CheckId(id) is { } idError) return MappedDocument<Indicator>.Fail(Shorten(id), idError);

        var pattern = StringProperty(root, "pattern");
        var patternType = StringProperty(root, "pattern_type");
        if (pattern is null) return MappedDocument<Indicator>.Fail(id, BulkError.Mapping("STIX indicator without [pattern]."));
        if (patternType is not null && patternType != "stix")
            return MappedDocument<Indicator>.Fail(id, BulkError.Mapping($"pattern_type [{patternType}] is not supported; only STIX patterns are."));
        if (StixPattern.Parse(pattern) is not var (indicatorType, value))
            return MappedDocument<Indicator>.Fail(id, BulkError.Mapping($"unsupported STIX pattern [{Shorten(pattern)}]: expected e.g. [ipv4-addr:value = '203.0.113.7'] or [file:hashes.'SHA-256' = '...']."));

        var (confidence, confidenceError) = StixConfidence(root);
        if (confidenceError is not null) return MappedDocument<Indicator>.Fail(id, confidenceError);
        var createdBy = StringProperty(root, "created_by_ref");
        var modified = DateProperty(root, "modified") ?? DateProperty(root, "created");
        return new MappedDocument<Indicator>(id, new Indicator
        {
            Id = id,
            Type = indicatorType,
            Value = Limit(value, Indicator.ValueMaxLength),
            Provider = createdBy is null ? null : context?.IdentityNames.GetValueOrDefault(createdBy) ?? createdBy,
            Confidence = confidence is { } score ? ConfidenceScale(score) : null,
            FirstSeen = DateProperty(root, "valid_from"),
            LastSeen = modified,
            Timestamp = modified,
            Document = root.GetRawText(),
            IngestedAt = now,
            UpdatedAt = now,
        }, null);
    }

    private static MappedDocument<Indicator> MapEcsIndicator(JsonElement root, EcsFields fields, DateTimeOffset now)
    {
        var type = fields.Text("threat.indicator.type", 64)?.ToLowerInvariant();
        if (type is null)
            return MappedDocument<Indicator>.Fail(fields.Text("_id"), BulkError.Mapping(
                "not an indicator: expected a STIX 2.1 indicator (or bundle) or an ECS document with [threat.indicator.type]."));
        var candidates = IndicatorValueFields.GetValueOrDefault(type, []).Concat(GenericIndicatorValueFields);
        var value = candidates.Select(name => fields.Text(name, int.MaxValue)?.Trim()).FirstOrDefault(v => v is { Length: > 0 });
        if (value is null)
            return MappedDocument<Indicator>.Fail(null, BulkError.Mapping(
                $"indicator of type [{type}] without a value: expected one of [{string.Join(", ", IndicatorValueFields.GetValueOrDefault(type, GenericIndicatorValueFields))}]."));
        // Hashes and domain names are the same whatever their case; one indicator each, as observables match them.
        if (type is "file" or "domain-name") value = value.ToLowerInvariant();

        var id = $"{type}:{value}";
        if (id.Length > Indicator.IdMaxLength) id = $"{type}:sha256:{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(value)))}";
        var (timestamp, e1) = fields.Date("@timestamp");
        var (firstSeen, e2) = fields.Date("threat.indicator.first_seen");
        var (lastSeen, e3) = fields.Date("threat.indicator.last_seen");
        if ((e1 ?? e2 ?? e3) is { } dateError) return MappedDocument<Indicator>.Fail(id, dateError);

        return new MappedDocument<Indicator>(id, new Indicator
        {
            Id = id,
            Type = type,
            Value = Limit(value, Indicator.ValueMaxLength),
            Provider = fields.Text("threat.indicator.provider") ?? fields.Text("threat.feed.name"),
            Confidence = fields.Text("threat.indicator.confidence", 32),
            FirstSeen = firstSeen,
            LastSeen = lastSeen,
            Timestamp = timestamp,
            Document = root.GetRawText(),
            IngestedAt = now,
            UpdatedAt = now,
        }, null);
    }

    /// <summary>Parses the document; null when it is not a JSON object (see <see cref="OpenError"/>).</summary>
    private static (JsonDocument Document, EcsFields Fields, BulkError? Error)? Open(BulkDocument input, IngestOptions limits,
        (HashSet<string>, HashSet<string>) schema)
    {
        if (input.Error is not null) return null;
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(input.Json, BulkBodyReader.Options(limits));
        }
        catch (JsonException)
        {
            return null;
        }
        if (document.RootElement.ValueKind != JsonValueKind.Object)
        {
            document.Dispose();
            return null;
        }

        var root = document.RootElement;
        var fields = EcsFields.Read(Source(root), schema);
        // A search hit or export row ({"_id":..,"_source":{..}}) gives the id outside the document.
        if (root.TryGetProperty("_source", out _) && root.TryGetProperty("_id", out var hitId) && hitId.ValueKind == JsonValueKind.String)
            fields.Add("_id", hitId);
        // An Elasticsearch action line names the document's id outside it, and above anything the document says.
        if (input.ActionId is { } actionId) fields.Set("_id", JsonSerializer.SerializeToElement(actionId));
        var error = fields.FieldCount > limits.MaxFieldsPerDocument
            ? BulkError.Illegal($"The document has {fields.FieldCount:N0} fields; the limit is {limits.MaxFieldsPerDocument:N0} (setting Ingest:MaxFieldsPerDocument).")
            : null;
        return (document, fields, error);
    }

    private static BulkError OpenError(BulkDocument input, IngestOptions limits)
    {
        if (input.Error is not null) return input.Error;
        try
        {
            using var document = JsonDocument.Parse(input.Json, BulkBodyReader.Options(limits));
            return BulkError.Mapping($"a document must be a JSON object, not {document.RootElement.ValueKind.ToString().ToLowerInvariant()}.");
        }
        catch (JsonException ex)
        {
            // The reader counts from the start of this document, so its position is given as the document's, not the body's.
            return BulkError.Parse($"not valid JSON: {JsonProblem.Reason(ex)} ({JsonProblem.Position(ex)} of the document)");
        }
    }

    /// <summary>The document itself: the <c>_source</c> of a search hit, or the whole object.</summary>
    private static JsonElement Source(JsonElement root) =>
        root.TryGetProperty("_source", out var source) && source.ValueKind == JsonValueKind.Object ? source : root;

    private static BulkError? FillEcs(EcsRecord record, string id, EcsFields fields, JsonDocument document, DateTimeOffset now)
    {
        var (timestamp, error) = fields.Date("@timestamp");
        if (error is not null) return error;
        record.Id = id;
        record.Timestamp = timestamp;
        record.HostId = fields.Text("host.id");
        record.HostName = fields.Text("host.name");
        record.HostOsName = fields.Text("host.os.name") ?? fields.Text("host.os.family");
        record.HostOsVersion = fields.Text("host.os.version");
        record.HostIp = fields.Joined("host.ip");
        record.UserName = fields.Text("user.name");
        record.SourceIp = fields.Text("source.ip");
        record.DestinationIp = fields.Text("destination.ip");
        record.ProcessName = fields.Text("process.name");
        record.EventCategory = fields.Joined("event.category");
        record.EventAction = fields.Text("event.action");
        record.EventOutcome = fields.Text("event.outcome");
        record.Message = fields.Text("message", EcsRecord.TextMaxLength);
        record.Document = Source(document.RootElement).GetRawText();
        record.IngestedAt = now;
        record.UpdatedAt = now;
        return null;
    }

    /// <summary>Lower case; Elastic Security 7.x's <c>in-progress</c> is what 8.x calls <c>acknowledged</c>.</summary>
    private static string? WorkflowStatus(string? status) => status?.ToLowerInvariant() is "in-progress" ? "acknowledged" : status?.ToLowerInvariant();

    /// <summary>A rule's threat written as one object rather than the usual array of them.</summary>
    private static string? SingleThreat(string? json) => json is null ? null : $"[{json}]";

    private static BulkError? CheckId(string id) =>
        Encoding.UTF8.GetByteCount(id) > EcsRecord.IdMaxLength
            ? BulkError.Illegal($"id is too long, must be no longer than {EcsRecord.IdMaxLength} bytes.")
            : null;

    private static bool IsStixObject(JsonElement root) =>
        StringProperty(root, "type") is not null && StringProperty(root, "id") is { } id && id.Contains("--", StringComparison.Ordinal);

    private static string? StringProperty(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static DateTimeOffset? DateProperty(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) ? EcsFields.ParseDate(value) : null;

    /// <summary>STIX 2.1's <c>confidence</c>: an integer from 0 to 100 (a number written as a string is read too).</summary>
    private static (int? Value, BulkError? Error) StixConfidence(JsonElement root)
    {
        if (!root.TryGetProperty("confidence", out var value) || value.ValueKind == JsonValueKind.Null) return (null, null);
        var text = value.ValueKind switch
        {
            JsonValueKind.Number => value.GetRawText(),
            JsonValueKind.String => value.GetString(),
            _ => null,
        };
        return int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var score) && score is >= 0 and <= 100
            ? (score, null)
            : (null, BulkError.Mapping($"failed to parse field [confidence]: {Shorten(value.GetRawText())}; STIX confidence is an integer from 0 to 100."));
    }

    /// <summary>STIX 2.1's "None/Low/Med/High" scale (appendix A), in ECS's words.</summary>
    private static string ConfidenceScale(int confidence) => confidence switch
    {
        <= 0 => "None",
        < 30 => "Low",
        < 70 => "Medium",
        _ => "High",
    };

    private static string Limit(string text, int max) => text.Length <= max ? text : text[..max];

    private static string Shorten(string text) => text.Length <= 120 ? text : text[..120] + "…";
}
