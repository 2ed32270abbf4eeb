#include "testbench/result_pane.h"
#include "common/number_format.h"

#include "testbench/bench_results_model.h"
#include "ui_resultpane.h"

#include <QJsonDocument>
#include <QScrollBar>

namespace gw::app {

ResultPane::ResultPane(gw::Gateway gateway, QWidget *parent)
    : QWidget(parent), ui(std::make_unique<Ui::ResultPane>()), m_gateway(gateway)
{
    ui->setupUi(this);
    setObjectName(gateway == gw::Gateway::Vercel ? QStringLiteral("vercelPane") : QStringLiteral("openrouterPane"));
    ui->titleLabel->setText(
        QStringLiteral("<b>%1</b>")
            .arg(gateway == gw::Gateway::Vercel ? QStringLiteral("Vercel AI Gateway") : QStringLiteral("OpenRouter")));
    ui->errorLabel->setStyleSheet(QStringLiteral("color: darkred"));
    connect(ui->reasoningToggle, &QToolButton::toggled, this, [this](bool open) {
        ui->reasoningView->setVisible(open);
        ui->reasoningToggle->setArrowType(open ? Qt::DownArrow : Qt::RightArrow);
    });
    connect(ui->requestButton, &QPushButton::clicked, this, &ResultPane::requestViewRequested);
    clear();
}

ResultPane::~ResultPane() = default;

void ResultPane::clear()
{
    ui->textView->clear();
    ui->reasoningView->clear();
    ui->metricsLabel->clear();
    ui->errorLabel->clear();
    ui->errorLabel->setVisible(false);
    setReasoning(QString());
    m_request = {};
    m_warnings.clear();
    ui->requestButton->setEnabled(false);
}

void ResultPane::setReasoning(const QString &reasoning)
{
    if (ui->reasoningView->toPlainText() != reasoning) {
        ui->reasoningView->setPlainText(reasoning);
        ui->reasoningView->verticalScrollBar()->setValue(ui->reasoningView->verticalScrollBar()->maximum());
    }
    ui->reasoningToggle->setText(reasoning.isEmpty() ? tr("No reasoning")
                                                     : tr("Reasoning (%n characters)", nullptr, int(reasoning.size())));
    ui->reasoningToggle->setEnabled(!reasoning.isEmpty());
}

void ResultPane::showLive(const QString &text, const QString &reasoning, const QJsonObject &request,
                          const QStringList &warnings)
{
    // Streaming appends: only the new tail goes into the document, so long answers stay cheap.
    const QString shown = ui->textView->toPlainText();
    if (text.startsWith(shown) && !shown.isEmpty()) {
        QTextCursor end = ui->textView->textCursor();
        end.movePosition(QTextCursor::End);
        end.insertText(text.mid(shown.size()));
    } else if (shown != text) {
        ui->textView->setPlainText(text);
    }
    setReasoning(reasoning);
    ui->metricsLabel->setText(tr("streaming…"));
    ui->errorLabel->setVisible(false);
    m_request = request;
    m_warnings = warnings;
    ui->requestButton->setEnabled(!request.isEmpty());
}

void ResultPane::showWaiting(const QString &why)
{
    clear();
    ui->metricsLabel->setText(why);
}

QString ResultPane::metricsText(const gw::BenchResult &r)
{
    if (r.skipped)
        return tr("Not run: %1").arg(r.skipReason);
    const gw::TokenUsage &u = r.response.usage;
    QStringList parts;
    parts << tr("TTFT %1").arg(formatMs(double(r.ttftMs))) << tr("total %1").arg(formatMs(double(r.totalMs)));
    parts << tr("tokens %1 in (%2 cached) → %3 out (%4 reasoning)")
                 .arg(formatCount(u.prompt), formatCount(u.cachedRead), formatCount(u.completion),
                      formatCount(u.reasoning));
    QString cost = tr("cost %1").arg(BenchResultsModel::costText(r));
    QStringList also;
    if (r.response.costUsd && r.billedCostUsd)
        also << tr("reported %1").arg(formatUsd(*r.response.costUsd));
    if (r.estimatedCostUsd)
        also << tr("estimated %1").arg(formatUsd(*r.estimatedCostUsd));
    if (!also.isEmpty())
        cost += QStringLiteral(" (") + also.join(QStringLiteral(", ")) + QLatin1Char(')');
    parts << cost;
    if (!r.response.finalProvider.isEmpty())
        parts << tr("provider %1").arg(r.response.finalProvider);
    if (!r.response.finishReason.isEmpty())
        parts << tr("finish %1").arg(r.response.finishReason);
    if (!r.response.generationId.isEmpty())
        parts << tr("generation %1").arg(r.response.generationId);
    return parts.join(QStringLiteral(" · "));
}

void ResultPane::showResult(const gw::BenchResult &result)
{
    if (ui->textView->toPlainText() != result.response.text)
        ui->textView->setPlainText(result.response.text);
    setReasoning(result.response.reasoning);
    ui->metricsLabel->setText(metricsText(result));
    const gw::GatewayError &e = result.response.error;
    ui->errorLabel->setVisible(e.isError());
    if (e.isError())
        ui->errorLabel->setText(
            tr("%1%2: %3 %4")
                .arg(gw::errorClassName(e.cls), e.midStream ? tr(" (mid-stream)") : QString(), e.code, e.message));
    m_request = result.request;
    m_warnings = result.translationWarnings;
    ui->requestButton->setEnabled(!m_request.isEmpty());
}

QString ResultPane::text() const
{
    return ui->textView->toPlainText();
}
QString ResultPane::reasoning() const
{
    return ui->reasoningView->toPlainText();
}
QString ResultPane::metrics() const
{
    return ui->metricsLabel->text();
}
QString ResultPane::error() const
{
    return ui->errorLabel->isVisibleTo(this) ? ui->errorLabel->text() : QString();
}

} // namespace gw::app
