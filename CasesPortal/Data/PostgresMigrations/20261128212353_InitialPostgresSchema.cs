using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace CasesPortal.Data.PostgresMigrations
{
    /// <inheritdoc />
    public partial class InitialPostgresSchema : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Alerts",
                columns: table => new
                {
                    Id = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: false),
                    RuleName = table.Column<string>(type: "character varying(1024)", maxLength: 1024, nullable: true),
                    RuleUuid = table.Column<string>(type: "character varying(1024)", maxLength: 1024, nullable: true),
                    Severity = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    RiskScore = table.Column<double>(type: "double precision", nullable: true),
                    WorkflowStatus = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    Reason = table.Column<string>(type: "character varying(8192)", maxLength: 8192, nullable: true),
                    Threat = table.Column<string>(type: "text", nullable: true),
                    Timestamp = table.Column<long>(type: "bigint", nullable: true),
                    HostId = table.Column<string>(type: "character varying(1024)", maxLength: 1024, nullable: true),
                    HostName = table.Column<string>(type: "character varying(1024)", maxLength: 1024, nullable: true),
                    HostOsName = table.Column<string>(type: "character varying(1024)", maxLength: 1024, nullable: true),
                    HostOsVersion = table.Column<string>(type: "character varying(1024)", maxLength: 1024, nullable: true),
                    HostIp = table.Column<string>(type: "character varying(1024)", maxLength: 1024, nullable: true),
                    UserName = table.Column<string>(type: "character varying(1024)", maxLength: 1024, nullable: true),
                    SourceIp = table.Column<string>(type: "character varying(1024)", maxLength: 1024, nullable: true),
                    DestinationIp = table.Column<string>(type: "character varying(1024)", maxLength: 1024, nullable: true),
                    ProcessName = table.Column<string>(type: "character varying(1024)", maxLength: 1024, nullable: true),
                    EventCategory = table.Column<string>(type: "character varying(1024)", maxLength: 1024, nullable: true),
                    EventAction = table.Column<string>(type: "character varying(1024)", maxLength: 1024, nullable: true),
                    EventOutcome = table.Column<string>(type: "character varying(1024)", maxLength: 1024, nullable: true),
                    Message = table.Column<string>(type: "character varying(8192)", maxLength: 8192, nullable: true),
                    Document = table.Column<string>(type: "text", nullable: false),
                    IngestedAt = table.Column<long>(type: "bigint", nullable: false),
                    UpdatedAt = table.Column<long>(type: "bigint", nullable: false),
                    Revision = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Alerts", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AspNetRoles",
                columns: table => new
                {
                    Id = table.Column<string>(type: "text", nullable: false),
                    Name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    NormalizedName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    ConcurrencyStamp = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetRoles", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUsers",
                columns: table => new
                {
                    Id = table.Column<string>(type: "text", nullable: false),
                    DisplayName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    IsDisabled = table.Column<bool>(type: "boolean", nullable: false),
                    TimeZoneId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    DarkMode = table.Column<bool>(type: "boolean", nullable: false),
                    CreatedAt = table.Column<long>(type: "bigint", nullable: false),
                    LastLoginAt = table.Column<long>(type: "bigint", nullable: true),
                    UserName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    NormalizedUserName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    Email = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    NormalizedEmail = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    EmailConfirmed = table.Column<bool>(type: "boolean", nullable: false),
                    PasswordHash = table.Column<string>(type: "text", nullable: true),
                    SecurityStamp = table.Column<string>(type: "text", nullable: true),
                    ConcurrencyStamp = table.Column<string>(type: "text", nullable: true),
                    PhoneNumber = table.Column<string>(type: "text", nullable: true),
                    PhoneNumberConfirmed = table.Column<bool>(type: "boolean", nullable: false),
                    TwoFactorEnabled = table.Column<bool>(type: "boolean", nullable: false),
                    LockoutEnd = table.Column<long>(type: "bigint", nullable: true),
                    LockoutEnabled = table.Column<bool>(type: "boolean", nullable: false),
                    AccessFailedCount = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUsers", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "CasesConfigurations",
                columns: table => new
                {
                    Id = table.Column<string>(type: "character varying(36)", maxLength: 36, nullable: false),
                    ConnectorId = table.Column<string>(type: "character varying(36)", maxLength: 36, nullable: true),
                    ConnectorFieldsJson = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    ClosureType = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<long>(type: "bigint", nullable: false),
                    CreatedById = table.Column<string>(type: "text", nullable: false),
                    UpdatedAt = table.Column<long>(type: "bigint", nullable: true),
                    UpdatedById = table.Column<string>(type: "text", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CasesConfigurations", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Connectors",
                columns: table => new
                {
                    Id = table.Column<string>(type: "character varying(36)", maxLength: 36, nullable: false),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    TypeId = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    ConfigJson = table.Column<string>(type: "character varying(60000)", maxLength: 60000, nullable: false),
                    ProtectedSecrets = table.Column<string>(type: "text", nullable: false),
                    CreatedAt = table.Column<long>(type: "bigint", nullable: false),
                    UpdatedAt = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Connectors", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "DataProtectionKeys",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    FriendlyName = table.Column<string>(type: "text", nullable: true),
                    Xml = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DataProtectionKeys", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Indicators",
                columns: table => new
                {
                    Id = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: false),
                    Type = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Value = table.Column<string>(type: "character varying(2048)", maxLength: 2048, nullable: false),
                    Provider = table.Column<string>(type: "character varying(1024)", maxLength: 1024, nullable: true),
                    Confidence = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    FirstSeen = table.Column<long>(type: "bigint", nullable: true),
                    LastSeen = table.Column<long>(type: "bigint", nullable: true),
                    Timestamp = table.Column<long>(type: "bigint", nullable: true),
                    Document = table.Column<string>(type: "text", nullable: false),
                    IngestedAt = table.Column<long>(type: "bigint", nullable: false),
                    UpdatedAt = table.Column<long>(type: "bigint", nullable: false),
                    Revision = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Indicators", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ObservableTypes",
                columns: table => new
                {
                    Key = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    Label = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    Pattern = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    CreatedAt = table.Column<long>(type: "bigint", nullable: false),
                    CreatedById = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ObservableTypes", x => x.Key);
                });

            migrationBuilder.CreateTable(
                name: "SecurityEvents",
                columns: table => new
                {
                    Id = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: false),
                    Timestamp = table.Column<long>(type: "bigint", nullable: true),
                    HostId = table.Column<string>(type: "character varying(1024)", maxLength: 1024, nullable: true),
                    HostName = table.Column<string>(type: "character varying(1024)", maxLength: 1024, nullable: true),
                    HostOsName = table.Column<string>(type: "character varying(1024)", maxLength: 1024, nullable: true),
                    HostOsVersion = table.Column<string>(type: "character varying(1024)", maxLength: 1024, nullable: true),
                    HostIp = table.Column<string>(type: "character varying(1024)", maxLength: 1024, nullable: true),
                    UserName = table.Column<string>(type: "character varying(1024)", maxLength: 1024, nullable: true),
                    SourceIp = table.Column<string>(type: "character varying(1024)", maxLength: 1024, nullable: true),
                    DestinationIp = table.Column<string>(type: "character varying(1024)", maxLength: 1024, nullable: true),
                    ProcessName = table.Column<string>(type: "character varying(1024)", maxLength: 1024, nullable: true),
                    EventCategory = table.Column<string>(type: "character varying(1024)", maxLength: 1024, nullable: true),
                    EventAction = table.Column<string>(type: "character varying(1024)", maxLength: 1024, nullable: true),
                    EventOutcome = table.Column<string>(type: "character varying(1024)", maxLength: 1024, nullable: true),
                    Message = table.Column<string>(type: "character varying(8192)", maxLength: 8192, nullable: true),
                    Document = table.Column<string>(type: "text", nullable: false),
                    IngestedAt = table.Column<long>(type: "bigint", nullable: false),
                    UpdatedAt = table.Column<long>(type: "bigint", nullable: false),
                    Revision = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SecurityEvents", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SlaTargets",
                columns: table => new
                {
                    Severity = table.Column<int>(type: "integer", nullable: false),
                    AcknowledgeMinutes = table.Column<int>(type: "integer", nullable: true),
                    ResolveMinutes = table.Column<int>(type: "integer", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SlaTargets", x => x.Severity);
                });

            migrationBuilder.CreateTable(
                name: "Timelines",
                columns: table => new
                {
                    Id = table.Column<string>(type: "character varying(36)", maxLength: 36, nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Description = table.Column<string>(type: "character varying(30000)", maxLength: 30000, nullable: false),
                    Query = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    Filters = table.Column<string>(type: "text", nullable: false),
                    RangeRelative = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    RangeFrom = table.Column<long>(type: "bigint", nullable: true),
                    RangeTo = table.Column<long>(type: "bigint", nullable: true),
                    Columns = table.Column<string>(type: "text", nullable: false),
                    SortAscending = table.Column<bool>(type: "boolean", nullable: false),
                    CreatedAt = table.Column<long>(type: "bigint", nullable: false),
                    CreatedById = table.Column<string>(type: "text", nullable: false),
                    UpdatedAt = table.Column<long>(type: "bigint", nullable: false),
                    UpdatedById = table.Column<string>(type: "text", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Timelines", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AspNetRoleClaims",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RoleId = table.Column<string>(type: "text", nullable: false),
                    ClaimType = table.Column<string>(type: "text", nullable: true),
                    ClaimValue = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetRoleClaims", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AspNetRoleClaims_AspNetRoles_RoleId",
                        column: x => x.RoleId,
                        principalTable: "AspNetRoles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ApiKeys",
                columns: table => new
                {
                    Id = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    UserId = table.Column<string>(type: "text", nullable: false),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    SecretHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    CreatedAt = table.Column<long>(type: "bigint", nullable: false),
                    ExpiresAt = table.Column<long>(type: "bigint", nullable: true),
                    LastUsedAt = table.Column<long>(type: "bigint", nullable: true),
                    RevokedAt = table.Column<long>(type: "bigint", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ApiKeys", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ApiKeys_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserClaims",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    UserId = table.Column<string>(type: "text", nullable: false),
                    ClaimType = table.Column<string>(type: "text", nullable: true),
                    ClaimValue = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserClaims", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AspNetUserClaims_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserLogins",
                columns: table => new
                {
                    LoginProvider = table.Column<string>(type: "text", nullable: false),
                    ProviderKey = table.Column<string>(type: "text", nullable: false),
                    ProviderDisplayName = table.Column<string>(type: "text", nullable: true),
                    UserId = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserLogins", x => new { x.LoginProvider, x.ProviderKey });
                    table.ForeignKey(
                        name: "FK_AspNetUserLogins_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserRoles",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "text", nullable: false),
                    RoleId = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserRoles", x => new { x.UserId, x.RoleId });
                    table.ForeignKey(
                        name: "FK_AspNetUserRoles_AspNetRoles_RoleId",
                        column: x => x.RoleId,
                        principalTable: "AspNetRoles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_AspNetUserRoles_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserTokens",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "text", nullable: false),
                    LoginProvider = table.Column<string>(type: "text", nullable: false),
                    Name = table.Column<string>(type: "text", nullable: false),
                    Value = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserTokens", x => new { x.UserId, x.LoginProvider, x.Name });
                    table.ForeignKey(
                        name: "FK_AspNetUserTokens_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Cases",
                columns: table => new
                {
                    Id = table.Column<string>(type: "character varying(36)", maxLength: 36, nullable: false),
                    Number = table.Column<long>(type: "bigint", nullable: false),
                    Title = table.Column<string>(type: "character varying(160)", maxLength: 160, nullable: false),
                    Description = table.Column<string>(type: "character varying(30000)", maxLength: 30000, nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    Severity = table.Column<int>(type: "integer", nullable: false),
                    Category = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    Owner = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    SyncAlerts = table.Column<bool>(type: "boolean", nullable: false),
                    ExtractObservables = table.Column<bool>(type: "boolean", nullable: false),
                    CloseReason = table.Column<int>(type: "integer", nullable: true),
                    CloseReasonNote = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    DuplicateOfId = table.Column<string>(type: "text", nullable: true),
                    CreatedAt = table.Column<long>(type: "bigint", nullable: false),
                    CreatedById = table.Column<string>(type: "text", nullable: false),
                    UpdatedAt = table.Column<long>(type: "bigint", nullable: true),
                    UpdatedById = table.Column<string>(type: "text", nullable: true),
                    ClosedAt = table.Column<long>(type: "bigint", nullable: true),
                    ClosedById = table.Column<string>(type: "text", nullable: true),
                    DurationSeconds = table.Column<long>(type: "bigint", nullable: true),
                    AcknowledgedAt = table.Column<long>(type: "bigint", nullable: true),
                    TimeToAcknowledgeSeconds = table.Column<long>(type: "bigint", nullable: true),
                    InProgressSeconds = table.Column<long>(type: "bigint", nullable: false),
                    CommentCount = table.Column<int>(type: "integer", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    DeletedAt = table.Column<long>(type: "bigint", nullable: true),
                    DeletedById = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Cases", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Cases_AspNetUsers_CreatedById",
                        column: x => x.CreatedById,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "TimelineNotes",
                columns: table => new
                {
                    Id = table.Column<string>(type: "character varying(36)", maxLength: 36, nullable: false),
                    TimelineId = table.Column<string>(type: "character varying(36)", nullable: false),
                    EventId = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: true),
                    Text = table.Column<string>(type: "character varying(30000)", maxLength: 30000, nullable: false),
                    CreatedAt = table.Column<long>(type: "bigint", nullable: false),
                    CreatedById = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TimelineNotes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TimelineNotes_Timelines_TimelineId",
                        column: x => x.TimelineId,
                        principalTable: "Timelines",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "TimelinePins",
                columns: table => new
                {
                    TimelineId = table.Column<string>(type: "character varying(36)", nullable: false),
                    EventId = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: false),
                    PinnedAt = table.Column<long>(type: "bigint", nullable: false),
                    PinnedById = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TimelinePins", x => new { x.TimelineId, x.EventId });
                    table.ForeignKey(
                        name: "FK_TimelinePins_Timelines_TimelineId",
                        column: x => x.TimelineId,
                        principalTable: "Timelines",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CaseAlerts",
                columns: table => new
                {
                    CaseId = table.Column<string>(type: "character varying(36)", nullable: false),
                    AlertId = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: false),
                    Index = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: true),
                    AttachedAt = table.Column<long>(type: "bigint", nullable: false),
                    AttachedById = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CaseAlerts", x => new { x.CaseId, x.AlertId });
                    table.ForeignKey(
                        name: "FK_CaseAlerts_Alerts_AlertId",
                        column: x => x.AlertId,
                        principalTable: "Alerts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_CaseAlerts_AspNetUsers_AttachedById",
                        column: x => x.AttachedById,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_CaseAlerts_Cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "Cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CaseAssignees",
                columns: table => new
                {
                    CaseId = table.Column<string>(type: "character varying(36)", nullable: false),
                    UserId = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CaseAssignees", x => new { x.CaseId, x.UserId });
                    table.ForeignKey(
                        name: "FK_CaseAssignees_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_CaseAssignees_Cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "Cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CaseComments",
                columns: table => new
                {
                    Id = table.Column<string>(type: "character varying(36)", maxLength: 36, nullable: false),
                    CaseId = table.Column<string>(type: "character varying(36)", nullable: false),
                    Body = table.Column<string>(type: "character varying(30000)", maxLength: 30000, nullable: false),
                    Owner = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    CreatedAt = table.Column<long>(type: "bigint", nullable: false),
                    CreatedById = table.Column<string>(type: "text", nullable: false),
                    UpdatedAt = table.Column<long>(type: "bigint", nullable: true),
                    UpdatedById = table.Column<string>(type: "text", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    DeletedAt = table.Column<long>(type: "bigint", nullable: true),
                    DeletedById = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CaseComments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CaseComments_Cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "Cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CaseConnectors",
                columns: table => new
                {
                    CaseId = table.Column<string>(type: "character varying(36)", nullable: false),
                    ConnectorId = table.Column<string>(type: "character varying(36)", maxLength: 36, nullable: false),
                    FieldsJson = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CaseConnectors", x => x.CaseId);
                    table.ForeignKey(
                        name: "FK_CaseConnectors_Cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "Cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CaseEvents",
                columns: table => new
                {
                    CaseId = table.Column<string>(type: "character varying(36)", nullable: false),
                    EventId = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: false),
                    Index = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: true),
                    AttachedAt = table.Column<long>(type: "bigint", nullable: false),
                    AttachedById = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CaseEvents", x => new { x.CaseId, x.EventId });
                    table.ForeignKey(
                        name: "FK_CaseEvents_AspNetUsers_AttachedById",
                        column: x => x.AttachedById,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_CaseEvents_Cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "Cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_CaseEvents_SecurityEvents_EventId",
                        column: x => x.EventId,
                        principalTable: "SecurityEvents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CaseFiles",
                columns: table => new
                {
                    Id = table.Column<string>(type: "character varying(36)", maxLength: 36, nullable: false),
                    CaseId = table.Column<string>(type: "character varying(36)", nullable: false),
                    FileName = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    ContentType = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Size = table.Column<long>(type: "bigint", nullable: false),
                    Sha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Malicious = table.Column<bool>(type: "boolean", nullable: false),
                    UploadedAt = table.Column<long>(type: "bigint", nullable: false),
                    UploadedById = table.Column<string>(type: "text", nullable: false),
                    DeletedAt = table.Column<long>(type: "bigint", nullable: true),
                    DeletedById = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CaseFiles", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CaseFiles_AspNetUsers_UploadedById",
                        column: x => x.UploadedById,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_CaseFiles_Cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "Cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CaseIndicators",
                columns: table => new
                {
                    CaseId = table.Column<string>(type: "character varying(36)", nullable: false),
                    IndicatorId = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: false),
                    AttachedAt = table.Column<long>(type: "bigint", nullable: false),
                    AttachedById = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CaseIndicators", x => new { x.CaseId, x.IndicatorId });
                    table.ForeignKey(
                        name: "FK_CaseIndicators_AspNetUsers_AttachedById",
                        column: x => x.AttachedById,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_CaseIndicators_Cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "Cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_CaseIndicators_Indicators_IndicatorId",
                        column: x => x.IndicatorId,
                        principalTable: "Indicators",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CaseObservables",
                columns: table => new
                {
                    Id = table.Column<string>(type: "character varying(36)", maxLength: 36, nullable: false),
                    CaseId = table.Column<string>(type: "character varying(36)", nullable: false),
                    TypeKey = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    Value = table.Column<string>(type: "character varying(2048)", maxLength: 2048, nullable: false),
                    Description = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    IsIoc = table.Column<bool>(type: "boolean", nullable: false),
                    Tlp = table.Column<int>(type: "integer", nullable: false),
                    Source = table.Column<string>(type: "character varying(600)", maxLength: 600, nullable: false),
                    CreatedAt = table.Column<long>(type: "bigint", nullable: false),
                    CreatedById = table.Column<string>(type: "text", nullable: false),
                    UpdatedAt = table.Column<long>(type: "bigint", nullable: true),
                    UpdatedById = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CaseObservables", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CaseObservables_AspNetUsers_CreatedById",
                        column: x => x.CreatedById,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_CaseObservables_Cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "Cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CaseStatusPeriods",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CaseId = table.Column<string>(type: "character varying(36)", nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    StartedAt = table.Column<long>(type: "bigint", nullable: false),
                    EndedAt = table.Column<long>(type: "bigint", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CaseStatusPeriods", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CaseStatusPeriods_Cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "Cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CaseTags",
                columns: table => new
                {
                    CaseId = table.Column<string>(type: "character varying(36)", nullable: false),
                    NormalizedTag = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    Tag = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CaseTags", x => new { x.CaseId, x.NormalizedTag });
                    table.ForeignKey(
                        name: "FK_CaseTags_Cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "Cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CaseTimelines",
                columns: table => new
                {
                    Id = table.Column<string>(type: "character varying(36)", maxLength: 36, nullable: false),
                    CaseId = table.Column<string>(type: "character varying(36)", nullable: false),
                    TimelineId = table.Column<string>(type: "character varying(36)", maxLength: 36, nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Snapshot = table.Column<string>(type: "text", nullable: false),
                    AttachedAt = table.Column<long>(type: "bigint", nullable: false),
                    AttachedById = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CaseTimelines", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CaseTimelines_Cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "Cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CaseUserActions",
                columns: table => new
                {
                    Sequence = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Id = table.Column<string>(type: "character varying(36)", maxLength: 36, nullable: true),
                    CaseId = table.Column<string>(type: "character varying(36)", nullable: false),
                    Type = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Action = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    OldValue = table.Column<string>(type: "text", nullable: true),
                    Payload = table.Column<string>(type: "text", nullable: false),
                    CommentId = table.Column<string>(type: "text", nullable: true),
                    CreatedAt = table.Column<long>(type: "bigint", nullable: false),
                    CreatedById = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CaseUserActions", x => x.Sequence);
                    table.ForeignKey(
                        name: "FK_CaseUserActions_Cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "Cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ConnectorPushes",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CaseId = table.Column<string>(type: "character varying(36)", nullable: false),
                    ConnectorId = table.Column<string>(type: "character varying(36)", maxLength: 36, nullable: false),
                    RequestedById = table.Column<string>(type: "text", nullable: false),
                    State = table.Column<int>(type: "integer", nullable: false),
                    Attempts = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<long>(type: "bigint", nullable: false),
                    NextAttemptAt = table.Column<long>(type: "bigint", nullable: false),
                    LeaseUntil = table.Column<long>(type: "bigint", nullable: true),
                    CreateSentAt = table.Column<long>(type: "bigint", nullable: true),
                    CompletedAt = table.Column<long>(type: "bigint", nullable: true),
                    LastError = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ConnectorPushes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ConnectorPushes_Cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "Cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ExternalCommentPushes",
                columns: table => new
                {
                    CaseId = table.Column<string>(type: "character varying(36)", nullable: false),
                    ConnectorId = table.Column<string>(type: "character varying(36)", maxLength: 36, nullable: false),
                    CommentId = table.Column<string>(type: "text", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ExternalCommentPushes", x => new { x.CaseId, x.ConnectorId, x.CommentId });
                    table.ForeignKey(
                        name: "FK_ExternalCommentPushes_Cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "Cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ExternalIncidents",
                columns: table => new
                {
                    CaseId = table.Column<string>(type: "character varying(36)", nullable: false),
                    ConnectorId = table.Column<string>(type: "character varying(36)", maxLength: 36, nullable: false),
                    ConnectorName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    ExternalId = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    ExternalTitle = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: false),
                    ExternalUrl = table.Column<string>(type: "character varying(2048)", maxLength: 2048, nullable: false),
                    PushedAt = table.Column<long>(type: "bigint", nullable: true),
                    PushedById = table.Column<string>(type: "text", nullable: true),
                    AlertsPushed = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ExternalIncidents", x => new { x.CaseId, x.ConnectorId });
                    table.ForeignKey(
                        name: "FK_ExternalIncidents_Cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "Cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.InsertData(
                table: "AspNetRoles",
                columns: new[] { "Id", "ConcurrencyStamp", "Name", "NormalizedName" },
                values: new object[,]
                {
                    { "role-admin", "role-admin", "Admin", "ADMIN" },
                    { "role-analyst", "role-analyst", "Analyst", "ANALYST" },
                    { "role-ingest", "role-ingest", "Ingest", "INGEST" },
                    { "role-lead", "role-lead", "Lead", "LEAD" },
                    { "role-viewer", "role-viewer", "Viewer", "VIEWER" }
                });

            migrationBuilder.CreateIndex(
                name: "IX_Alerts_HostId_Timestamp_HostName",
                table: "Alerts",
                columns: new[] { "HostId", "Timestamp", "HostName" },
                descending: new[] { false, true, false });

            migrationBuilder.CreateIndex(
                name: "IX_Alerts_HostName_Timestamp",
                table: "Alerts",
                columns: new[] { "HostName", "Timestamp" },
                descending: new[] { false, true });

            migrationBuilder.CreateIndex(
                name: "IX_Alerts_RuleName_Timestamp",
                table: "Alerts",
                columns: new[] { "RuleName", "Timestamp" },
                descending: new[] { false, true });

            migrationBuilder.CreateIndex(
                name: "IX_Alerts_Severity_Timestamp",
                table: "Alerts",
                columns: new[] { "Severity", "Timestamp" },
                descending: new[] { false, true });

            migrationBuilder.CreateIndex(
                name: "IX_Alerts_Timestamp",
                table: "Alerts",
                column: "Timestamp",
                descending: new bool[0]);

            migrationBuilder.CreateIndex(
                name: "IX_Alerts_UserName_Timestamp_HostName_EventCategory_EventOutco~",
                table: "Alerts",
                columns: new[] { "UserName", "Timestamp", "HostName", "EventCategory", "EventOutcome" },
                descending: new[] { false, true, false, false, false });

            migrationBuilder.CreateIndex(
                name: "IX_Alerts_WorkflowStatus_Timestamp",
                table: "Alerts",
                columns: new[] { "WorkflowStatus", "Timestamp" },
                descending: new[] { false, true });

            migrationBuilder.CreateIndex(
                name: "IX_ApiKeys_UserId",
                table: "ApiKeys",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetRoleClaims_RoleId",
                table: "AspNetRoleClaims",
                column: "RoleId");

            migrationBuilder.CreateIndex(
                name: "RoleNameIndex",
                table: "AspNetRoles",
                column: "NormalizedName",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUserClaims_UserId",
                table: "AspNetUserClaims",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUserLogins_UserId",
                table: "AspNetUserLogins",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUserRoles_RoleId",
                table: "AspNetUserRoles",
                column: "RoleId");

            migrationBuilder.CreateIndex(
                name: "EmailIndex",
                table: "AspNetUsers",
                column: "NormalizedEmail");

            migrationBuilder.CreateIndex(
                name: "UserNameIndex",
                table: "AspNetUsers",
                column: "NormalizedUserName",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CaseAlerts_AlertId_CaseId",
                table: "CaseAlerts",
                columns: new[] { "AlertId", "CaseId" });

            migrationBuilder.CreateIndex(
                name: "IX_CaseAlerts_AttachedById",
                table: "CaseAlerts",
                column: "AttachedById");

            migrationBuilder.CreateIndex(
                name: "IX_CaseAssignees_UserId",
                table: "CaseAssignees",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_CaseComments_CaseId_CreatedAt",
                table: "CaseComments",
                columns: new[] { "CaseId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_CaseEvents_AttachedById",
                table: "CaseEvents",
                column: "AttachedById");

            migrationBuilder.CreateIndex(
                name: "IX_CaseEvents_EventId_CaseId",
                table: "CaseEvents",
                columns: new[] { "EventId", "CaseId" });

            migrationBuilder.CreateIndex(
                name: "IX_CaseFiles_CaseId_DeletedAt_UploadedAt",
                table: "CaseFiles",
                columns: new[] { "CaseId", "DeletedAt", "UploadedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_CaseFiles_Sha256",
                table: "CaseFiles",
                column: "Sha256");

            migrationBuilder.CreateIndex(
                name: "IX_CaseFiles_UploadedById",
                table: "CaseFiles",
                column: "UploadedById");

            migrationBuilder.CreateIndex(
                name: "IX_CaseIndicators_AttachedById",
                table: "CaseIndicators",
                column: "AttachedById");

            migrationBuilder.CreateIndex(
                name: "IX_CaseIndicators_IndicatorId",
                table: "CaseIndicators",
                column: "IndicatorId");

            migrationBuilder.CreateIndex(
                name: "IX_CaseObservables_CaseId_CreatedAt",
                table: "CaseObservables",
                columns: new[] { "CaseId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_CaseObservables_CaseId_TypeKey_Value",
                table: "CaseObservables",
                columns: new[] { "CaseId", "TypeKey", "Value" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CaseObservables_CreatedById",
                table: "CaseObservables",
                column: "CreatedById");

            migrationBuilder.CreateIndex(
                name: "IX_CaseObservables_TypeKey_Value_CaseId",
                table: "CaseObservables",
                columns: new[] { "TypeKey", "Value", "CaseId" });

            migrationBuilder.CreateIndex(
                name: "IX_Cases_Category",
                table: "Cases",
                column: "Category");

            migrationBuilder.CreateIndex(
                name: "IX_Cases_CreatedById",
                table: "Cases",
                column: "CreatedById");

            migrationBuilder.CreateIndex(
                name: "IX_Cases_DeletedAt_Status_CreatedAt",
                table: "Cases",
                columns: new[] { "DeletedAt", "Status", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Cases_DeletedAt_UpdatedAt",
                table: "Cases",
                columns: new[] { "DeletedAt", "UpdatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Cases_Number",
                table: "Cases",
                column: "Number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CaseStatusPeriods_CaseId_StartedAt",
                table: "CaseStatusPeriods",
                columns: new[] { "CaseId", "StartedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_CaseStatusPeriods_Status_CaseId_StartedAt",
                table: "CaseStatusPeriods",
                columns: new[] { "Status", "CaseId", "StartedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_CaseTags_NormalizedTag",
                table: "CaseTags",
                column: "NormalizedTag");

            migrationBuilder.CreateIndex(
                name: "IX_CaseTimelines_CaseId_AttachedAt",
                table: "CaseTimelines",
                columns: new[] { "CaseId", "AttachedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_CaseUserActions_CaseId_Sequence",
                table: "CaseUserActions",
                columns: new[] { "CaseId", "Sequence" });

            migrationBuilder.CreateIndex(
                name: "IX_CaseUserActions_Id",
                table: "CaseUserActions",
                column: "Id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CaseUserActions_Type_CreatedAt",
                table: "CaseUserActions",
                columns: new[] { "Type", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ConnectorPushes_CaseId_ConnectorId_State",
                table: "ConnectorPushes",
                columns: new[] { "CaseId", "ConnectorId", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_ConnectorPushes_State_NextAttemptAt",
                table: "ConnectorPushes",
                columns: new[] { "State", "NextAttemptAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Connectors_Name",
                table: "Connectors",
                column: "Name");

            migrationBuilder.CreateIndex(
                name: "IX_Indicators_Provider",
                table: "Indicators",
                column: "Provider");

            migrationBuilder.CreateIndex(
                name: "IX_Indicators_Type_LastSeen",
                table: "Indicators",
                columns: new[] { "Type", "LastSeen" },
                descending: new[] { false, true });

            migrationBuilder.CreateIndex(
                name: "IX_Indicators_Value_Type",
                table: "Indicators",
                columns: new[] { "Value", "Type" });

            migrationBuilder.CreateIndex(
                name: "IX_SecurityEvents_DestinationIp_Timestamp_SourceIp",
                table: "SecurityEvents",
                columns: new[] { "DestinationIp", "Timestamp", "SourceIp" },
                descending: new[] { false, true, false });

            migrationBuilder.CreateIndex(
                name: "IX_SecurityEvents_EventAction",
                table: "SecurityEvents",
                column: "EventAction");

            migrationBuilder.CreateIndex(
                name: "IX_SecurityEvents_EventCategory_Timestamp",
                table: "SecurityEvents",
                columns: new[] { "EventCategory", "Timestamp" },
                descending: new[] { false, true });

            migrationBuilder.CreateIndex(
                name: "IX_SecurityEvents_HostId_Timestamp_HostName",
                table: "SecurityEvents",
                columns: new[] { "HostId", "Timestamp", "HostName" },
                descending: new[] { false, true, false });

            migrationBuilder.CreateIndex(
                name: "IX_SecurityEvents_HostName_Timestamp",
                table: "SecurityEvents",
                columns: new[] { "HostName", "Timestamp" },
                descending: new[] { false, true });

            migrationBuilder.CreateIndex(
                name: "IX_SecurityEvents_SourceIp_Timestamp_DestinationIp",
                table: "SecurityEvents",
                columns: new[] { "SourceIp", "Timestamp", "DestinationIp" },
                descending: new[] { false, true, false });

            migrationBuilder.CreateIndex(
                name: "IX_SecurityEvents_Timestamp",
                table: "SecurityEvents",
                column: "Timestamp",
                descending: new bool[0]);

            migrationBuilder.CreateIndex(
                name: "IX_SecurityEvents_UserName_Timestamp_HostName_EventCategory_Ev~",
                table: "SecurityEvents",
                columns: new[] { "UserName", "Timestamp", "HostName", "EventCategory", "EventOutcome" },
                descending: new[] { false, true, false, false, false });

            migrationBuilder.CreateIndex(
                name: "IX_TimelineNotes_TimelineId_CreatedAt",
                table: "TimelineNotes",
                columns: new[] { "TimelineId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Timelines_UpdatedAt",
                table: "Timelines",
                column: "UpdatedAt",
                descending: new bool[0]);

            // Bare words in timeline queries: the counterpart of SQLite's FTS5 table (see PostgresEventText).
            migrationBuilder.Sql(PostgresEventText.Create);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(PostgresEventText.Drop);

            migrationBuilder.DropTable(
                name: "ApiKeys");

            migrationBuilder.DropTable(
                name: "AspNetRoleClaims");

            migrationBuilder.DropTable(
                name: "AspNetUserClaims");

            migrationBuilder.DropTable(
                name: "AspNetUserLogins");

            migrationBuilder.DropTable(
                name: "AspNetUserRoles");

            migrationBuilder.DropTable(
                name: "AspNetUserTokens");

            migrationBuilder.DropTable(
                name: "CaseAlerts");

            migrationBuilder.DropTable(
                name: "CaseAssignees");

            migrationBuilder.DropTable(
                name: "CaseComments");

            migrationBuilder.DropTable(
                name: "CaseConnectors");

            migrationBuilder.DropTable(
                name: "CaseEvents");

            migrationBuilder.DropTable(
                name: "CaseFiles");

            migrationBuilder.DropTable(
                name: "CaseIndicators");

            migrationBuilder.DropTable(
                name: "CaseObservables");

            migrationBuilder.DropTable(
                name: "CasesConfigurations");

            migrationBuilder.DropTable(
                name: "CaseStatusPeriods");

            migrationBuilder.DropTable(
                name: "CaseTags");

            migrationBuilder.DropTable(
                name: "CaseTimelines");

            migrationBuilder.DropTable(
                name: "CaseUserActions");

            migrationBuilder.DropTable(
                name: "ConnectorPushes");

            migrationBuilder.DropTable(
                name: "Connectors");

            migrationBuilder.DropTable(
                name: "DataProtectionKeys");

            migrationBuilder.DropTable(
                name: "ExternalCommentPushes");

            migrationBuilder.DropTable(
                name: "ExternalIncidents");

            migrationBuilder.DropTable(
                name: "ObservableTypes");

            migrationBuilder.DropTable(
                name: "SlaTargets");

            migrationBuilder.DropTable(
                name: "TimelineNotes");

            migrationBuilder.DropTable(
                name: "TimelinePins");

            migrationBuilder.DropTable(
                name: "AspNetRoles");

            migrationBuilder.DropTable(
                name: "Alerts");

            migrationBuilder.DropTable(
                name: "SecurityEvents");

            migrationBuilder.DropTable(
                name: "Indicators");

            migrationBuilder.DropTable(
                name: "Cases");

            migrationBuilder.DropTable(
                name: "Timelines");

            migrationBuilder.DropTable(
                name: "AspNetUsers");
        }
    }
}
