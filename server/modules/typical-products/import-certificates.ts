import {
  type TCreateCertificateRequest,
  ZCreateCertificateRequest,
} from '../../../domain/schemas/typical-products';
import { auditActor, type TActor } from '../../access/actor';
import type { TTx } from '../../platform/db';
import { columnLetter, type TCellError, type TSheetRow } from '../../platform/spreadsheet';
import { recordAudit } from '../audit/record-audit';
import { resolveCertificateFacts } from './certificate-input';
import { certificateWriteDecision } from './certificate-policy';
import { CERTIFICATES_LAYOUT } from './certificates.layout';
import { createCertificate } from './create-certificate';
import type { TProvinces } from './provinces';
import { findByNumber } from './typical-products.repository';

type TKey = (typeof CERTIFICATES_LAYOUT.columns)[number]['key'];
const COLUMNS = CERTIFICATES_LAYOUT.columns;
const letterOf = (key: TKey) => columnLetter(COLUMNS.findIndex((c) => c.key === key) + 1);
const headerOf = (key: TKey) => COLUMNS.find((c) => c.key === key)?.header ?? key;

type TMessage = { vi: string; en: string };
const error = (row: number, key: TKey, code: string, message: TMessage): TCellError => ({
  row,
  column: letterOf(key),
  field: key,
  code,
  message,
});

const FIELD_MESSAGES: Partial<Record<TKey, TMessage>> = {
  establishmentTaxCode: {
    vi: 'Mã số thuế phải gồm 10 chữ số (chi nhánh: 10 chữ số, gạch ngang và 3 chữ số).',
    en: 'The tax code has 10 digits (a branch: 10 digits, a hyphen and 3 digits).',
  },
  provinceCode: { vi: 'Mã tỉnh gồm 2 chữ số.', en: 'The province code has two digits.' },
  selectionYear: {
    vi: 'Năm bình chọn từ 2000 đến 2100.',
    en: 'The selection year is between 2000 and 2100.',
  },
};

/** The sheet row as the create request (blank optional cells absent). */
function requestOf(values: TSheetRow['values']): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(values)) {
    if (key === 'stt' || value === null || value === undefined || value === '') continue;
    out[key] = key === 'provinceCode' ? String(value).padStart(2, '0') : value;
  }
  return out;
}

/**
 * Imports a certificate list read with `CERTIFICATES_LAYOUT`, all or nothing (the proposals importer's
 * discipline): every problem of every row is reported with its row and column — the reader's cell
 * errors, then values the schema refuses, provinces not in force on the issue date, validity before
 * issue, levels the caller may not record, certificates twice in the file or already in the registry —
 * and if there is any, nothing is written and the errors are returned (the route answers `422
 * import_rejected`). Otherwise every certificate is created in the caller's transaction, each audited,
 * and the import itself too.
 */
export async function importCertificates(input: {
  actor: TActor;
  tx: TTx;
  now: Date;
  provinces: TProvinces;
  rows: readonly TSheetRow[];
  cellErrors: readonly TCellError[];
  fileName: string;
  sha256: string;
}): Promise<{ rows: number; created: number; errors: TCellError[] }> {
  const { actor, tx, now, provinces, rows } = input;
  const errors: TCellError[] = [...input.cellErrors];
  const bad = new Set(errors.map((e) => `${e.row}:${e.column}`));
  const add = (e: TCellError) => {
    if (bad.has(`${e.row}:${e.column}`)) return;
    bad.add(`${e.row}:${e.column}`);
    errors.push(e);
  };
  const seen = new Map<string, number>();
  const valid: TCreateCertificateRequest[] = [];

  for (const { row, values } of rows) {
    const parsed = ZCreateCertificateRequest.safeParse(requestOf(values));
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const key = String(issue.path[0]) as TKey;
        add(
          error(
            row,
            key,
            'invalid_value',
            FIELD_MESSAGES[key] ?? {
              vi: `Cột "${headerOf(key)}": giá trị không hợp lệ.`,
              en: `"${headerOf(key)}": invalid value.`,
            },
          ),
        );
      }
      continue;
    }
    const data = parsed.data;
    const resolved = resolveCertificateFacts(provinces, data, now);
    if (!resolved.ok) {
      for (const e of resolved.errors) {
        add(error(row, e.path as TKey, 'invalid_value', e.message as TMessage));
      }
      continue;
    }
    const decision = certificateWriteDecision(actor, {
      level: data.level,
      currentProvinceCode: resolved.currentProvinceCode,
    });
    if (!decision.ok) {
      add(error(row, data.level === 'provincial' ? 'provinceCode' : 'level', 'not_allowed', decision.detail));
      continue;
    }
    const identity = `${data.issuingBody}\u0000${data.certificateNumber}`;
    const first = seen.get(identity);
    if (first !== undefined) {
      add(
        error(row, 'certificateNumber', 'duplicate_in_file', {
          vi: `Giấy chứng nhận số ${data.certificateNumber} đã có ở dòng ${first} của tệp.`,
          en: `Certificate no. ${data.certificateNumber} is already on row ${first} of the file.`,
        }),
      );
      continue;
    }
    seen.set(identity, row);
    if (await findByNumber(tx, data.issuingBody, data.certificateNumber)) {
      add(
        error(row, 'certificateNumber', 'already_registered', {
          vi: `Giấy chứng nhận số ${data.certificateNumber} của ${data.issuingBody} đã có trong sổ.`,
          en: `Certificate no. ${data.certificateNumber} of ${data.issuingBody} is already in the registry.`,
        }),
      );
      continue;
    }
    valid.push(data);
  }

  if (errors.length > 0) {
    errors.sort(
      (a, b) => a.row - b.row || a.column.length - b.column.length || a.column.localeCompare(b.column),
    );
    return { rows: rows.length, created: 0, errors };
  }

  for (const data of valid) {
    await createCertificate({ actor, tx, now, provinces, data, via: 'import' });
  }
  await recordAudit(tx, {
    actor: auditActor(actor),
    action: 'typical_product.imported',
    entityType: 'typical_product_import',
    entityId: input.sha256,
    after: { fileName: input.fileName, sha256: input.sha256, rows: rows.length, created: valid.length },
    at: now,
  });
  return { rows: rows.length, created: valid.length, errors: [] };
}
