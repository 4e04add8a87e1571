import { FileWordOutlined, PrinterOutlined } from '@ant-design/icons';
import { Button, Space, Spin } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { formatBytes } from '../../../domain/lib/bytes';
import { PROPOSAL_STATUS_LABELS, type TProposalStatus } from '../../../domain/workflow/proposal';
import { PageHeader } from '../../components/page-header';
import { QueryError } from '../../components/query-error';
import { formatInstantVi, useLanguage } from '../../lib/format';
import { receiptDocxUrl, useReceipt } from './documents.api';
import './documents.css';

/**
 * The printable receipt of a dossier (route `/proposals/:id/receipt`): every current document with its
 * SHA-256, size and upload time, and the server's time. "Print" prints only the sheet; the Word file is
 * the same receipt from the server (`receipt.docx`).
 */
export default function ReceiptPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const { id = '' } = useParams();
  const query = useReceipt(id);

  const actions = (
    <Space wrap>
      <Button icon={<PrinterOutlined aria-hidden />} onClick={() => window.print()} disabled={!query.data}>
        {t('documents.receiptPage.print')}
      </Button>
      <Button icon={<FileWordOutlined aria-hidden />} href={receiptDocxUrl(id)} download>
        {t('documents.receiptPage.word')}
      </Button>
      <Link to={`/proposals/${id}`}>{t('documents.receiptPage.back')}</Link>
    </Space>
  );

  return (
    <>
      <PageHeader title={t('documents.receiptPage.title')} extra={actions} />
      {query.isError ? <QueryError error={query.error} onRetry={() => void query.refetch()} /> : null}
      {query.isPending ? <Spin /> : null}
      {query.data ? <ReceiptSheet receipt={query.data} language={language} /> : null}
    </>
  );
}

function ReceiptSheet({
  receipt,
  language,
}: {
  receipt: NonNullable<ReturnType<typeof useReceipt>['data']>;
  language: 'vi' | 'en';
}) {
  const { t } = useTranslation();
  const p = receipt.proposal;
  const status = PROPOSAL_STATUS_LABELS[p.status as TProposalStatus]?.[language] ?? p.status;
  return (
    <article className="kc-receipt" aria-labelledby="kc-receipt-title">
      <div className="kc-receipt-heading">
        <div>
          <p>{t('documents.receiptPage.issuerMinistry')}</p>
          <p>
            <strong>{t('documents.receiptPage.issuerSystem')}</strong>
          </p>
        </div>
        <div>
          <p>
            <strong>{t('documents.receiptPage.nation')}</strong>
          </p>
          <p>
            <strong>{t('documents.receiptPage.motto')}</strong>
          </p>
        </div>
      </div>
      <h2 id="kc-receipt-title">{t('documents.receiptPage.heading')}</h2>
      <p className="kc-receipt-sub">{t('documents.receiptPage.subheading')}</p>
      <dl>
        <dt>{t('documents.receiptPage.code')}</dt>
        <dd>{p.code}</dd>
        <dt>{t('documents.receiptPage.proposalTitle')}</dt>
        <dd>{p.title}</dd>
        <dt>{t('documents.receiptPage.organization')}</dt>
        <dd>{p.implementingOrganizationName}</dd>
        <dt>{t('documents.receiptPage.planYear')}</dt>
        <dd>{p.planYear}</dd>
        <dt>{t('documents.receiptPage.proposalStatus')}</dt>
        <dd>{status}</dd>
        {p.submittedAt ? (
          <>
            <dt>{t('documents.receiptPage.submittedAt')}</dt>
            <dd>{t('documents.receiptPage.vnTime', { time: formatInstantVi(p.submittedAt) })}</dd>
          </>
        ) : null}
        <dt>{t('documents.receiptPage.count')}</dt>
        <dd>
          {t('documents.receiptPage.countValue', {
            count: receipt.documents.length,
            size: formatBytes(receipt.totalSize, language),
          })}
        </dd>
      </dl>
      <table>
        <colgroup>
          <col style={{ width: '5%' }} />
          <col style={{ width: '20%' }} />
          <col style={{ width: '20%' }} />
          <col style={{ width: '10%' }} />
          <col style={{ width: '30%' }} />
          <col style={{ width: '15%' }} />
        </colgroup>
        <thead>
          <tr>
            <th scope="col">{t('documents.receiptPage.index')}</th>
            <th scope="col">{t('documents.kind')}</th>
            <th scope="col">{t('documents.file')}</th>
            <th scope="col">{t('documents.size')}</th>
            <th scope="col">{t('documents.sha256')}</th>
            <th scope="col">{t('documents.uploadedAt')}</th>
          </tr>
        </thead>
        <tbody>
          {receipt.documents.map((d, index) => (
            <tr key={d.id}>
              <td style={{ textAlign: 'center' }}>{index + 1}</td>
              <td>
                {d.kindLabel}
                {d.version > 1 ? ` (${t('documents.version', { version: d.version })})` : ''}
              </td>
              <td>{d.fileName}</td>
              <td style={{ textAlign: 'right' }}>{formatBytes(d.size, language)}</td>
              <td className="kc-receipt-hash">{d.sha256}</td>
              <td style={{ textAlign: 'center' }}>{formatInstantVi(d.uploadedAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p>
        <strong>{t('documents.receiptPage.serverTime')}: </strong>
        {t('documents.receiptPage.vnTime', { time: formatInstantVi(receipt.serverTime) })}
      </p>
      <p className="kc-receipt-note">{t('documents.receiptPage.hashNote')}</p>
    </article>
  );
}
