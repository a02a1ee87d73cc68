using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Query;
using Microsoft.EntityFrameworkCore.Query.SqlExpressions;

namespace CasesPortal.Data;

/// <summary>
/// Searches use <c>EF.Functions.Like</c>, which SQLite runs case-insensitively. PostgreSQL's LIKE is case-sensitive,
/// so on it the same call compares <c>lower(value) LIKE lower(pattern)</c>: one search behaviour on both engines.
/// </summary>
public static class CaseInsensitiveLike
{
    public static DbContextOptionsBuilder AddCaseInsensitiveLike(this DbContextOptionsBuilder options)
    {
        ((IDbContextOptionsBuilderInfrastructure)options).AddOrUpdateExtension(new Extension());
        return options;
    }

    private sealed class Extension : IDbContextOptionsExtension
    {
        public DbContextOptionsExtensionInfo Info => new ExtensionInfo(this);

        public void ApplyServices(IServiceCollection services) =>
            new EntityFrameworkRelationalServicesBuilder(services).TryAdd<IMethodCallTranslatorPlugin, Plugin>();

        public void Validate(IDbContextOptions options) { }
    }

    private sealed class ExtensionInfo(IDbContextOptionsExtension extension) : DbContextOptionsExtensionInfo(extension)
    {
        public override bool IsDatabaseProvider => false;
        public override string LogFragment => "CaseInsensitiveLike ";
        public override int GetServiceProviderHashCode() => 0;
        public override bool ShouldUseSameServiceProvider(DbContextOptionsExtensionInfo other) => other is ExtensionInfo;
        public override void PopulateDebugInfo(IDictionary<string, string> debugInfo) => debugInfo["CaseInsensitiveLike"] = "1";
    }

    private sealed class Plugin(ISqlExpressionFactory sql) : IMethodCallTranslatorPlugin
    {
        public IEnumerable<IMethodCallTranslator> Translators { get; } = [new Translator(sql)];
    }

    private sealed class Translator(ISqlExpressionFactory sql) : IMethodCallTranslator
    {
        public SqlExpression? Translate(SqlExpression? instance, MethodInfo method, IReadOnlyList<SqlExpression> arguments,
            IDiagnosticsLogger<DbLoggerCategory.Query> logger)
        {
            if (method.DeclaringType != typeof(DbFunctionsExtensions) || method.Name != nameof(DbFunctionsExtensions.Like)) return null;
            var mapping = Microsoft.EntityFrameworkCore.Query.ExpressionExtensions.InferTypeMapping(arguments[1], arguments[2]);
            SqlExpression Lower(SqlExpression value) =>
                sql.Function("lower", [sql.ApplyTypeMapping(value, mapping)], nullable: true, argumentsPropagateNullability: [true], typeof(string), mapping);
            return sql.Like(Lower(arguments[1]), Lower(arguments[2]), arguments.Count > 3 ? arguments[3] : null);
        }
    }
}
