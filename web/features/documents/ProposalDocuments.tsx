import {
  CheckCircleFilled,
  DownloadOutlined,
  ExclamationCircleOutlined,
  UploadOutlined,
} from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Card,
  Collapse,
  Progress,
  Select,
  Space,
  Table,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import {
  DOCUMENT_KIND_LABELS,
  DOCUMENT_KINDS,
  type TDocumentKind,
} from '../../../domain/enums/document-kinds';
import { formatBytes, shortHash } from '../../../domain/lib/bytes';
import { QueryError } from '../../components/query-error';
import { api, errorMessage } from '../../lib/api';
import { formatInstantVi, useLanguage } from '../../lib/format';
import {
  ACCEPTED_FILES,
  contentUrl,
  documentKeys,
  type TDocument,
  type TDocumentList,
  type TUploadHandle,
  type TUploadProgress,
  uploadDocument,
  useProposalDocuments,
} from './documents.api';
import './documents.css';

/** Solid tag colours dark enough for white text (WCAG AA contrast), unlike antd's light presets. */
const OK_COLOR = '#237804';
const MISSING_COLOR = '#a8071a';

type TUploadState =
  | { phase: 'uploading'; fileName: string; progress: TUploadProgress; handle: TUploadHandle }
  | { phase: 'done'; message: string }
  | { phase: 'error'; message: string };

/**
 * The dossier of a proposal: the checklist of required kinds with their status (uploaded ✓ with size
 * and short SHA-256, or missing), an upload per kind with a progress bar (tus for files over 5 MB,
 * resuming after a dropped connection; multipart otherwise), the version history and download links.
 *
 * `requiredKinds` comes from the regulation set's checklist for the proposal (the proposals page
 * passes it); `canUpload` is the proposal's own ability, combined with what the server says.
 */
export function ProposalDocuments({
  proposalId,
  requiredKinds,
  canUpload,
}: {
  proposalId: string;
  requiredKinds?: readonly TDocumentKind[];
  canUpload: boolean;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const queryClient = useQueryClient();
  const query = useProposalDocuments(proposalId);
  const [uploads, setUploads] = useState<Partial<Record<TDocumentKind, TUploadState>>>({});
  const [extraKind, setExtraKind] = useState<TDocumentKind | undefined>(undefined);
  const handles = useRef(new Set<TUploadHandle>());

  // Leaving the page stops uploads in progress; tus ones resume on the next visit.
  useEffect(() => {
    const active = handles.current;
    return () => {
      for (const handle of active) handle.abort();
    };
  }, []);

  const data = query.data;
  const mayUpload = canUpload && (data?.canUpload ?? false);
  const maxBytes = data?.maxBytes ?? 100 * 1024 * 1024;
  const currentByKind = useMemo(() => {
    const map = new Map<TDocumentKind, TDocument>();
    for (const document of data?.current ?? []) map.set(document.kind, document);
    return map;
  }, [data]);

  const checklist: TDocumentKind[] = useMemo(() => {
    const required = [...(requiredKinds ?? [])];
    const others = DOCUMENT_KINDS.filter((kind) => !required.includes(kind) && currentByKind.has(kind));
    const pending = DOCUMENT_KINDS.filter(
      (kind) => !required.includes(kind) && !currentByKind.has(kind) && uploads[kind] !== undefined,
    );
    return [...required, ...others, ...pending];
  }, [requiredKinds, currentByKind, uploads]);

  const label = (kind: TDocumentKind) => DOCUMENT_KIND_LABELS[kind][language];

  function start(kind: TDocumentKind, file: File) {
    if (file.size > maxBytes) {
      setUploads((u) => ({
        ...u,
        [kind]: {
          phase: 'error',
          message: t('documents.tooLarge', { name: file.name, max: formatBytes(maxBytes, language) }),
        },
      }));
      return;
    }
    const handle = uploadDocument({
      proposalId,
      kind,
      file,
      onProgress: (progress) =>
        setUploads((u) => {
          const state = u[kind];
          return state?.phase === 'uploading'
            ? { ...u, [kind]: { ...state, progress: { ...state.progress, ...progress } } }
            : u;
        }),
    });
    handles.current.add(handle);
    setUploads((u) => ({
      ...u,
      [kind]: {
        phase: 'uploading',
        fileName: file.name,
        handle,
        progress: { sent: 0, total: file.size, retrying: false },
      },
    }));
    handle.done
      .then(async (documentId) => {
        if (documentId === null) {
          setUploads((u) => ({ ...u, [kind]: undefined }));
          return;
        }
        const fresh = await queryClient.fetchQuery({
          queryKey: documentKeys.list(proposalId),
          queryFn: () => api<TDocumentList>(`/proposals/${proposalId}/documents`),
          staleTime: 0,
        });
        const uploaded = fresh?.current.find((d) => d.id === documentId);
        await queryClient.invalidateQueries({ queryKey: documentKeys.receipt(proposalId) });
        setUploads((u) => ({
          ...u,
          [kind]: {
            phase: 'done',
            message: t('documents.done', {
              name: uploaded?.fileName ?? file.name,
              hash: shortHash(uploaded?.sha256 ?? ''),
            }),
          },
        }));
      })
      .catch((error: unknown) =>
        setUploads((u) => ({
          ...u,
          [kind]: {
            phase: 'error',
            message: t('documents.failed', { name: file.name, message: errorMessage(error) }),
          },
        })),
      )
      .finally(() => handles.current.delete(handle));
  }

  if (query.isError) return <QueryError error={query.error} onRetry={() => void query.refetch()} />;

  const historyCount = data?.history.length ?? 0;
  const extraOptions = DOCUMENT_KINDS.filter((kind) => !checklist.includes(kind)).map((kind) => ({
    value: kind,
    label: label(kind),
  }));

  return (
    <Card
      title={t('documents.title')}
      loading={query.isPending}
      extra={<Link to={`/proposals/${proposalId}/receipt`}>{t('documents.openReceipt')}</Link>}
    >
      <Typography.Paragraph type="secondary">
        {t('documents.intro', { max: formatBytes(maxBytes, language) })}
      </Typography.Paragraph>
      {!mayUpload && data && canUpload ? (
        <Alert type="info" showIcon title={t('documents.locked')} style={{ marginBottom: 16 }} />
      ) : null}
      {checklist.length === 0 ? (
        <Typography.Paragraph>{t('documents.noDocuments')}</Typography.Paragraph>
      ) : null}
      <ul className="kc-doc-checklist" aria-label={t('documents.title')}>
        {checklist.map((kind) => {
          const current = currentByKind.get(kind);
          const state = uploads[kind];
          const isRequired = requiredKinds?.includes(kind) ?? false;
          return (
            <li key={kind} className="kc-doc-item" data-kind={kind}>
              <div className="kc-doc-row">
                <div className="kc-doc-status">
                  {current ? (
                    <CheckCircleFilled className="kc-doc-ok" aria-label={t('documents.uploaded')} />
                  ) : (
                    <ExclamationCircleOutlined
                      className="kc-doc-missing"
                      aria-label={t('documents.missing')}
                    />
                  )}
                </div>
                <div className="kc-doc-main">
                  <Typography.Text strong>{label(kind)}</Typography.Text>{' '}
                  {isRequired ? (
                    <Tag color={current ? OK_COLOR : MISSING_COLOR}>{t('documents.required')}</Tag>
                  ) : null}
                  {current ? (
                    <div className="kc-doc-file">
                      <a
                        href={contentUrl(current.id)}
                        download
                        aria-label={t('documents.downloadFile', { name: current.fileName })}
                      >
                        <DownloadOutlined aria-hidden /> {current.fileName}
                      </a>
                      <Typography.Text type="secondary">
                        {' · '}
                        {formatBytes(current.size, language)}
                        {' · '}
                        {t('documents.version', { version: current.version })}
                        {' · '}
                        {formatInstantVi(current.uploadedAt)}
                        {' · '}
                      </Typography.Text>
                      <Tooltip title={current.sha256}>
                        <Typography.Text
                          code
                          className="kc-doc-hash"
                          aria-label={`SHA-256 ${current.sha256}`}
                        >
                          {shortHash(current.sha256)}
                        </Typography.Text>
                      </Tooltip>
                    </div>
                  ) : (
                    <div>
                      <Typography.Text type="secondary">{t('documents.missing')}</Typography.Text>
                    </div>
                  )}
                  <UploadStatus state={state} />
                </div>
                {mayUpload ? (
                  <FilePickerButton
                    disabled={state?.phase === 'uploading'}
                    label={
                      current
                        ? t('documents.replaceKind', { kind: label(kind) })
                        : t('documents.uploadKind', { kind: label(kind) })
                    }
                    text={current ? t('documents.replace') : t('documents.upload')}
                    onFile={(file) => start(kind, file)}
                  />
                ) : null}
              </div>
            </li>
          );
        })}
      </ul>

      {mayUpload && extraOptions.length > 0 ? (
        <Space wrap className="kc-doc-extra">
          <label htmlFor={`kc-doc-extra-${proposalId}`}>{t('documents.addOther')}</label>
          <Select
            id={`kc-doc-extra-${proposalId}`}
            placeholder={t('documents.chooseKind')}
            options={extraOptions}
            value={extraKind}
            onChange={setExtraKind}
            style={{ minWidth: 320 }}
          />
          <FilePickerButton
            disabled={!extraKind}
            label={
              extraKind ? t('documents.uploadKind', { kind: label(extraKind) }) : t('documents.addOther')
            }
            text={t('documents.upload')}
            onFile={(file) => {
              if (!extraKind) return;
              start(extraKind, file);
              setExtraKind(undefined);
            }}
          />
        </Space>
      ) : null}

      {historyCount > 0 ? (
        <Collapse
          className="kc-doc-history"
          items={[
            {
              key: 'history',
              label: t('documents.history', { count: historyCount }),
              children: <HistoryTable documents={data?.history ?? []} />,
            },
          ]}
        />
      ) : null}
    </Card>
  );
}

function UploadStatus({ state }: { state: TUploadState | undefined }) {
  const { t } = useTranslation();
  const language = useLanguage();
  if (!state) return null;
  if (state.phase === 'done') {
    return (
      <div role="status" className="kc-doc-message">
        <Typography.Text type="success">{state.message}</Typography.Text>
      </div>
    );
  }
  if (state.phase === 'error') {
    return (
      <div role="alert" className="kc-doc-message">
        <Typography.Text type="danger">{state.message}</Typography.Text>
      </div>
    );
  }
  const { sent, total, retrying, resumed } = state.progress;
  const percent = total > 0 ? Math.floor((sent / total) * 100) : 0;
  const text = t('documents.progress', {
    name: state.fileName,
    sent: formatBytes(sent, language),
    total: formatBytes(total, language),
  });
  return (
    <div className="kc-doc-progress" role="status" aria-live="polite">
      <Space align="center" wrap>
        <Typography.Text>{text}</Typography.Text>
        <Button size="small" onClick={() => state.handle.abort()}>
          {t('documents.cancel')}
        </Button>
      </Space>
      <Progress percent={percent} status={retrying ? 'exception' : 'active'} aria-label={text} />
      {retrying ? <Typography.Text type="warning">{t('documents.resuming')}</Typography.Text> : null}
      {resumed ? <Typography.Text type="secondary">{t('documents.resumed')}</Typography.Text> : null}
    </div>
  );
}

/** A button that opens the file picker; the input is visually hidden but labelled. */
function FilePickerButton({
  label,
  text,
  disabled,
  onFile,
}: {
  label: string;
  text: string;
  disabled?: boolean;
  onFile: (file: File) => void;
}) {
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <input
        ref={input}
        type="file"
        accept={ACCEPTED_FILES}
        className="kc-visually-hidden"
        tabIndex={-1}
        aria-label={label}
        onChange={(event) => {
          const file = event.target.files?.[0];
          event.target.value = '';
          if (file) onFile(file);
        }}
      />
      <Button
        icon={<UploadOutlined aria-hidden />}
        disabled={disabled}
        aria-label={label}
        onClick={() => input.current?.click()}
      >
        {text}
      </Button>
    </>
  );
}

function HistoryTable({ documents }: { documents: TDocument[] }) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <Table<TDocument>
      size="small"
      rowKey="id"
      pagination={false}
      scroll={{ x: true }}
      dataSource={documents}
      columns={[
        {
          title: t('documents.kind'),
          dataIndex: 'kind',
          render: (kind: TDocumentKind) => DOCUMENT_KIND_LABELS[kind][language],
        },
        {
          title: t('documents.status'),
          key: 'version',
          render: (_, d) => (
            <Space size={4} wrap>
              <span>{t('documents.version', { version: d.version })}</span>
              {d.supersededAt ? (
                <Tag>{t('documents.superseded', { at: formatInstantVi(d.supersededAt) })}</Tag>
              ) : (
                <Tag color={OK_COLOR}>{t('documents.current')}</Tag>
              )}
            </Space>
          ),
        },
        {
          title: t('documents.file'),
          dataIndex: 'fileName',
          render: (name: string, d) => (
            <a href={contentUrl(d.id)} download aria-label={t('documents.downloadFile', { name })}>
              {name}
            </a>
          ),
        },
        {
          title: t('documents.size'),
          dataIndex: 'size',
          align: 'right',
          render: (size: number) => formatBytes(size, language),
        },
        {
          title: t('documents.sha256'),
          dataIndex: 'sha256',
          render: (hash: string) => (
            <Tooltip title={hash}>
              <Typography.Text code className="kc-doc-hash">
                {shortHash(hash)}
              </Typography.Text>
            </Tooltip>
          ),
        },
        {
          title: t('documents.uploadedAt'),
          dataIndex: 'uploadedAt',
          render: (at: string) => formatInstantVi(at),
        },
        { title: t('documents.uploadedBy'), key: 'by', render: (_, d) => d.uploadedBy?.name ?? '—' },
      ]}
    />
  );
}
