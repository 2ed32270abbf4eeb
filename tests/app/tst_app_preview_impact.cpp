// The Routing page's live preview with recorded traffic: a real history file with an imported
// traffic log, the draft and the last saved config deciding those requests; the impact table
// shows the requests and users that move per model (counted here from the lines the test wrote,
// each decided by the router), sorted by change, with headers that are never cut.

#include "app_test_settings.h"
#include "common/draft_document.h"
#include "common/page_context.h"
#include "config/config_io.h"
#include "history_store.h"
#include "routing/incident_dialog.h"
#include "routing/preview_controller.h"
#include "routing/preview_model.h"
#include "routing/preview_panel.h"
#include "routing/router.h"
#include "routing/routing_page.h"
#include "shell/main_window.h"
#include "shell/sample_workspace.h"

#include <QApplication>
#include <QComboBox>
#include <QFile>
#include <QHeaderView>
#include <QSet>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace gw::app;

static const QDateTime kNow(QDate(2026, 11, 23), QTime(12, 0), Qt::UTC);

namespace {

struct Line {
    QString model;
    QString user;
};

// Traffic log v1 lines of the day before kNow: two models, twelve users, a few requests each.
QList<Line> writeTrafficLog(const QString &path)
{
    QList<Line> lines;
    QByteArray out;
    const QStringList models{QStringLiteral("openai/gpt-5"), QStringLiteral("anthropic/claude-sonnet-4.5")};
    for (int n = 0; n < 60; ++n) {
        const Line line{models.at(n % 2), QStringLiteral("u-%1").arg(n % 12, 3, 10, QLatin1Char('0'))};
        lines << line;
        out += QStringLiteral(
                   "{\"ts\":\"2026-11-22T10:%1:00Z\",\"gateway\":\"openrouter\",\"model\":\"%2\",\"provider\":\"x\","
                   "\"user\":\"%3\",\"task\":\"\",\"status\":200,\"latency_ms\":400,\"prompt_tokens\":100,"
                   "\"completion_tokens\":20,\"cost_usd\":0.001,\"cost_source\":\"reported\"}\n")
                   .arg(n % 60, 2, 10, QLatin1Char('0'))
                   .arg(line.model, line.user)
                   .toUtf8();
    }
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(out) != out.size())
        qFatal("cannot write %s", qPrintable(path));
    return lines;
}

} // namespace

class TstAppPreviewImpact : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { gwtest::isolateAppSettings(QStringLiteral("tst_app_preview_impact")); }

    void recordedTrafficImpactPerModel()
    {
        QTemporaryDir dir;
        QString error;
        QVERIFY2(gw::app::installSampleWorkspace(dir.filePath(QStringLiteral("ws")), &error), qPrintable(error));
        auto store = std::make_shared<gw::store::HistoryStore>();
        QVERIFY(store->open(dir.filePath(QStringLiteral("history.sqlite"))).result().ok());
        const QString log = dir.filePath(QStringLiteral("traffic.jsonl"));
        const QList<Line> lines = writeTrafficLog(log);
        const auto imported = store->importTrafficFile(log).result();
        QVERIFY2(imported.ok(), qPrintable(imported.error));

        MainWindow window;
        QSignalSpy historyOpened(&window, &MainWindow::historyOpened);
        PreviewController *preview = window.routingPage()->preview()->controller();
        preview->setUsers(200);
        preview->setNow(kNow);
        preview->setDebounce(10);
        QVERIFY(window.openWorkspace(dir.filePath(QStringLiteral("ws")), MainWindow::Recovery::Discard));
        window.resize(1400, 1000);
        window.show();
        // The window opens its own (empty) history first; this test's file replaces it.
        QVERIFY(historyOpened.count() > 0 || historyOpened.wait(30000));
        window.pageContext()->setHistory(store);

        // An incident pin sends gpt-5 to Vercel: count what moves from what the test wrote.
        IncidentDialog incident(window.document()->config(), nullptr, kNow);
        incident.setSubject(QStringLiteral("openai/gpt-5"));
        incident.findChild<QComboBox *>(QStringLiteral("targetCombo"))->setCurrentIndex(0); // Vercel
        gw::RoutingConfig draft = window.document()->config();
        draft.rules.prepend(incident.rule());
        window.document()->apply(draft, QStringLiteral("incident"));

        const gw::RoutingConfig saved = *gw::loadConfigFile(window.workspace().draftPath()).config;
        const gw::Router before(saved), after(draft);
        QHash<QString, quint64> requests, moved;
        QHash<QString, QSet<QString>> usersMoved;
        for (const Line &line : lines) {
            gw::RouteRequest request;
            request.model = line.model;
            request.user = line.user;
            request.now = kNow;
            ++requests[line.model];
            if (before.decide(request).gateway != after.decide(request).gateway) {
                ++moved[line.model];
                usersMoved[line.model].insert(line.user);
            }
        }
        QVERIFY(moved.value(QStringLiteral("openai/gpt-5")) > 0);
        QCOMPARE(moved.value(QStringLiteral("anthropic/claude-sonnet-4.5")), quint64(0));

        QTRY_VERIFY_WITH_TIMEOUT(preview->lastImpact() && !preview->isImpactRunning() && !preview->isRunning()
                                     && preview->lastImpact()->requestsMoved
                                            == moved.value(QStringLiteral("openai/gpt-5")),
                                 30000);
        const gw::TrafficImpact &impact = *preview->lastImpact();
        QCOMPARE(impact.requests, quint64(lines.size()));
        QCOMPARE(impact.usersMoved, quint64(usersMoved.value(QStringLiteral("openai/gpt-5")).size()));

        PreviewModel *model = window.routingPage()->preview()->model();
        QVERIFY(model->hasTrafficImpact());
        bool sawGpt = false;
        for (int row = 0; row < model->rowCount(); ++row) {
            const QString id = model->index(row, PreviewModel::Model).data(Qt::UserRole).toString();
            const qint64 req = model->index(row, PreviewModel::RequestsMoving).data(Qt::UserRole).toLongLong();
            const qint64 users = model->index(row, PreviewModel::UsersMoving).data(Qt::UserRole).toLongLong();
            if (!requests.contains(id)) {
                QCOMPARE(req, qint64(-1)); // no recorded traffic for this model
                continue;
            }
            QCOMPARE(req, qint64(moved.value(id)));
            QCOMPARE(users, qint64(usersMoved.value(id).size()));
            sawGpt = sawGpt || id == QStringLiteral("openai/gpt-5");
        }
        QVERIFY(sawGpt);

        // Sorted by change by default, descending; every header fits its section.
        QTableView *view = window.routingPage()->preview()->modelsView();
        QHeaderView *header = view->horizontalHeader();
        QCOMPARE(header->sortIndicatorSection(), int(PreviewModel::Changed));
        QCOMPARE(header->sortIndicatorOrder(), Qt::DescendingOrder);
        qint64 previous = std::numeric_limits<qint64>::max();
        for (int row = 0; row < view->model()->rowCount(); ++row) {
            const qint64 changed = view->model()->index(row, PreviewModel::Changed).data(Qt::UserRole).toLongLong();
            QVERIFY(changed <= previous);
            previous = changed;
        }
        QVERIFY(view->isSortingEnabled());
        for (int column = 0; column < PreviewModel::ColumnCount; ++column) {
            const QString text = model->headerData(column, Qt::Horizontal).toString();
            QVERIFY2(header->sectionSize(column) >= header->fontMetrics().horizontalAdvance(text),
                     qPrintable(QStringLiteral("%1: %2 px").arg(text).arg(header->sectionSize(column))));
        }
    }
};

QTEST_MAIN(TstAppPreviewImpact)
#include "tst_app_preview_impact.moc"
