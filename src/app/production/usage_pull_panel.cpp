#include "production/usage_pull_panel.h"

#include "common/when_ready.h"
#include "production/production_connection.h"
#include "production/usage_mapping.h"

#include "history_store.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QTimer>

#include <algorithm>

namespace gw::app {

// The writer thread stores the phase and the rows read in atomics; the GUI reads them on a
// timer (no call queued per row to a panel that may be gone by then).
struct UsagePullPanel::Job {
    std::atomic_bool cancel{false};
    std::atomic<int> phase{0}; // 0 connecting, 1..3 the three aggregates, 4 writing
    std::atomic<qint64> rows{0};
};

namespace {

constexpr int kPhases = 4;
constexpr int kPollMs = 100;

// usage_pull.cpp's phase names, in the order it reports them.
int phaseIndex(const QString &phase)
{
    static const QStringList phases{QStringLiteral("minute buckets"), QStringLiteral("latency histograms"),
                                    QStringLiteral("key usage"), QStringLiteral("writing")};
    return int(phases.indexOf(phase)) + 1;
}

} // namespace

UsagePullPanel::UsagePullPanel(QWidget *parent)
    : QWidget(parent)
    , m_pull(new QPushButton(tr("Pull usage from production"), this))
    , m_cancel(new QPushButton(tr("Cancel"), this))
    , m_progress(new QProgressBar(this))
    , m_result(new QLabel(this))
    , m_poll(new QTimer(this))
{
    m_pull->setObjectName(QStringLiteral("pullUsageButton"));
    m_pull->setToolTip(
        tr("Aggregated usage from production's microdollar_usage since the last pull, through the read-only role."));
    m_progress->setRange(0, kPhases);
    m_result->setWordWrap(true);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_pull);
    layout->addWidget(m_progress);
    layout->addWidget(m_cancel);
    layout->addWidget(m_result, 1);
    m_poll->setInterval(kPollMs);
    connect(m_poll, &QTimer::timeout, this, &UsagePullPanel::pollProgress);
    connect(m_pull, &QPushButton::clicked, this, &UsagePullPanel::pull);
    connect(m_cancel, &QPushButton::clicked, this, &UsagePullPanel::cancel);
    updateButtons();
}

UsagePullPanel::~UsagePullPanel()
{
    if (m_job)
        m_job->cancel = true;
}

void UsagePullPanel::setConnection(ProductionConnection *connection)
{
    if (m_connection)
        disconnect(m_connection, nullptr, this, nullptr);
    m_connection = connection;
    if (m_connection)
        connect(m_connection, &ProductionConnection::linkChanged, this, &UsagePullPanel::updateButtons);
    updateButtons();
}

void UsagePullPanel::setHistory(std::shared_ptr<gw::store::HistoryStore> store)
{
    m_store = std::move(store);
    updateButtons();
}

QString UsagePullPanel::resultText() const
{
    return m_result->text();
}

void UsagePullPanel::updateButtons()
{
    const bool linked = m_connection && m_connection->isConfigured() && m_connection->passwordsKnown();
    m_pull->setEnabled(!isBusy() && linked && m_store);
    m_pull->setToolTip(linked ? QString() : tr("No production database is set up (Settings > Production database)."));
    m_cancel->setVisible(isBusy());
    m_progress->setVisible(isBusy());
}

void UsagePullPanel::pull()
{
    if (!m_pull->isEnabled())
        return;
    auto job = std::make_shared<Job>();
    gw::store::UsagePullOptions options = m_options;
    options.cancel = &job->cancel;
    // Runs on the writer thread; the job lives as long as the callback does.
    options.progress = [job](const QString &phase, qint64 rows) {
        job->phase = phaseIndex(phase);
        job->rows = rows;
    };
    m_job = job;
    m_progress->setValue(0);
    m_result->setText(tr("Connecting to production…"));
    updateButtons();
    m_poll->start();
    const gw::store::ProductionLink reader = m_connection->link(ProductionRole::Reader);
    whenReady(this, m_store->pullProductionUsage(reader.spec(), options, reader.options()),
              [this](const gw::store::Outcome<gw::store::UsagePullResult> &outcome) {
                  m_poll->stop();
                  m_job.reset();
                  m_last = outcome.value;
                  const gw::store::ProductionError &error = outcome.value.error;
                  const bool ok = outcome.ok() && error.ok();
                  const auto utc = [](qint64 ms) {
                      return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(QStringLiteral("yyyy-MM-dd HH:mm"));
                  };
                  if (!outcome.ok())
                      m_result->setText(tr("Not pulled: %1").arg(outcome.error));
                  else if (error.status == gw::store::ProductionStatus::Cancelled)
                      m_result->setText(tr("Cancelled; the history is as it was."));
                  else if (!ok)
                      m_result->setText(tr("Not pulled (the history is as it was): %1").arg(error.message));
                  else
                      m_result->setText(tr("Pulled %1 – %2 UTC: %n request(s), %3 in %4 aggregate rows.", nullptr,
                                           int(m_last.requests))
                                            .arg(utc(m_last.fromMs), utc(m_last.toMs),
                                                 QStringLiteral("$") + QString::number(m_last.costUsd, 'f', 2),
                                                 QLocale().toString(m_last.rowsTransferred)));
                  updateButtons();
                  if (ok)
                      Q_EMIT usageChanged();
                  Q_EMIT finished(ok);
              });
}

void UsagePullPanel::cancel()
{
    if (!m_job)
        return;
    m_job->cancel = true;
    m_result->setText(tr("Cancelling…"));
}

QString UsagePullPanel::errorChartNote(const gw::SeriesTable &errors)
{
    const bool fromProduction = std::any_of(errors.series.cbegin(), errors.series.cend(), [](const gw::SeriesId &id) {
        return id.measure == gw::production::kErrorStatusClass;
    });
    return fromProduction ? QLatin1Char(' ') + tr("Production records only error / no error; no finer error class.")
                          : QString();
}

void UsagePullPanel::pollProgress()
{
    if (!m_job || m_job->cancel)
        return;
    const QStringList texts{tr("Connecting to production…"), tr("Reading minute buckets…"),
                            tr("Reading latency histograms…"), tr("Reading key usage…"), tr("Writing to the history…")};
    const int phase = std::clamp(m_job->phase.load(), 0, kPhases);
    m_progress->setValue(phase);
    m_result->setText(texts.at(phase) + QLatin1Char(' ')
                      + tr("%1 rows read").arg(QLocale().toString(m_job->rows.load())));
}

} // namespace gw::app
