#include "testbench/request_viewer.h"

#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QGridLayout>
#include <QJsonDocument>
#include <QLabel>
#include <QPlainTextEdit>
#include <QVBoxLayout>

namespace gw::app {

RequestViewer::RequestViewer(QWidget *parent) : QDialog(parent)
{
    setObjectName(QStringLiteral("requestViewer"));
    setWindowTitle(tr("Requests sent"));
    auto *layout = new QVBoxLayout(this);
    auto *intro =
        new QLabel(tr("The bodies each gateway got for this case (headers and keys are not part of them)."), this);
    intro->setWordWrap(true);
    layout->addWidget(intro);
    auto *grid = new QGridLayout;
    const QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    for (gw::Gateway gateway : gw::kGateways) {
        const int column = gw::gatewayIndex(gateway);
        auto *title = new QLabel(QStringLiteral("<b>%1</b>").arg(gw::gatewayDisplayName(gateway)), this);
        auto *body = new QPlainTextEdit(this);
        body->setObjectName(gateway == gw::Gateway::Vercel ? QStringLiteral("vercelRequestView")
                                                           : QStringLiteral("openrouterRequestView"));
        body->setReadOnly(true);
        body->setFont(mono);
        body->setLineWrapMode(QPlainTextEdit::NoWrap);
        auto *dropped = new QLabel(this);
        dropped->setWordWrap(true);
        dropped->setTextInteractionFlags(Qt::TextSelectableByMouse);
        grid->addWidget(title, 0, column);
        grid->addWidget(dropped, 1, column);
        grid->addWidget(body, 2, column);
        m_bodies[gateway] = body;
        m_dropped[gateway] = dropped;
    }
    grid->setRowStretch(2, 1);
    layout->addLayout(grid, 1);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    resize(1000, 600);
}

void RequestViewer::setRequest(gw::Gateway gateway, const QJsonObject &body, const QStringList &dropped)
{
    m_bodies[gateway]->setPlainText(
        body.isEmpty() ? QString() : QString::fromUtf8(QJsonDocument(body).toJson(QJsonDocument::Indented)));
    m_bodies[gateway]->setPlaceholderText(tr("Not sent to this gateway."));
    if (body.isEmpty())
        m_dropped[gateway]->setText(QString());
    else if (dropped.isEmpty())
        m_dropped[gateway]->setText(tr("The translation dropped nothing."));
    else {
        QStringList items;
        for (const QString &warning : dropped)
            items << QStringLiteral("<li>") + warning.toHtmlEscaped() + QStringLiteral("</li>");
        m_dropped[gateway]->setText(tr("The translation dropped:") + QStringLiteral("<ul>") + items.join(QString())
                                    + QStringLiteral("</ul>"));
    }
    m_dropped[gateway]->setStyleSheet(dropped.isEmpty() ? QString() : QStringLiteral("color: darkred"));
}

QPlainTextEdit *RequestViewer::bodyView(gw::Gateway gateway) const
{
    return m_bodies[gateway];
}
QLabel *RequestViewer::droppedLabel(gw::Gateway gateway) const
{
    return m_dropped[gateway];
}

} // namespace gw::app
