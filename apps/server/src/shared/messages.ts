/**
 * The server's refusal texts in the user's language. A DomainError may carry a message key with
 * parameters (`message('plot.overlaps', { … })`); the HTTP edge (http/problem.ts) renders it in the
 * language the request asked for. The English text is also rendered once when the error is built and
 * becomes `Error.message`, which the CLI, the logs and requests without Accept-Language keep using.
 *
 * Parameters are interpolated as `{name}`. Numbers and dates are formatted per language: Vietnamese
 * writes 1.234,5 and dd/mm/yyyy; English keeps what the API has always said (1,234.5 and the ISO
 * date) so that API clients reading English see no change.
 */

export type Lang = 'vi' | 'en';

/** What a placeholder may be filled with; anything but a plain string is formatted per language. */
export type MessageParam =
  | string
  | number
  | { readonly number: number; readonly minDigits?: number; readonly maxDigits?: number; readonly unit?: string }
  | { readonly date: string }
  | { readonly list: readonly MessageParam[]; readonly separator?: string }
  | { readonly vi: string; readonly en: string }
  | LocalisedMessage;

export interface LocalisedMessage {
  readonly key: MessageKey;
  readonly params?: Readonly<Record<string, MessageParam>>;
}

/** Names of the things that are "not found", for notFound(what, id). */
export const ENTITY_NAMES = {
  Plot: { vi: 'thửa đất', en: 'Plot' },
  Household: { vi: 'hộ', en: 'Household' },
  Organisation: { vi: 'tổ chức', en: 'Organisation' },
  'Growing area': { vi: 'vùng trồng', en: 'Growing area' },
  'Growing-area code': { vi: 'mã số vùng trồng', en: 'Growing-area code' },
  'Administrative unit': { vi: 'đơn vị hành chính', en: 'Administrative unit' },
  Commune: { vi: 'xã/phường', en: 'Commune' },
  Season: { vi: 'mùa vụ', en: 'Season' },
  Activity: { vi: 'hoạt động nhật ký', en: 'Activity' },
  Photo: { vi: 'ảnh', en: 'Photo' },
  'Import job': { vi: 'lượt nhập dữ liệu', en: 'Import job' },
  User: { vi: 'tài khoản', en: 'User' },
  'API token': { vi: 'khoá API', en: 'API token' },
  Submission: { vi: 'hồ sơ thẩm định', en: 'Submission' },
  'Plot-season in this submission': { vi: 'thửa-vụ trong hồ sơ này', en: 'Plot-season in this submission' },
  Project: { vi: 'dự án', en: 'Project' },
  Run: { vi: 'lần tính MRV', en: 'Run' },
  Recalculation: { vi: 'lượt tính lại', en: 'Recalculation' },
  Lot: { vi: 'lô hàng', en: 'Lot' },
  'Label scheme': { vi: 'chương trình nhãn', en: 'Label scheme' },
  Certificate: { vi: 'giấy chứng nhận', en: 'Certificate' },
  Plan: { vi: 'kế hoạch', en: 'Plan' },
  Indicator: { vi: 'chỉ tiêu', en: 'Indicator' },
  Task: { vi: 'nhiệm vụ', en: 'Task' },
  Report: { vi: 'báo cáo', en: 'Report' },
  'Report version': { vi: 'phiên bản báo cáo', en: 'Report version' },
} as const satisfies Record<string, { vi: string; en: string }>;

export type EntityName = keyof typeof ENTITY_NAMES;

/** States and kinds that appear inside sentences; a word missing here is shown as it is. */
const WORDS: Record<string, { vi: string; en: string }> = {
  draft: { vi: 'nháp', en: 'draft' },
  submitted: { vi: 'đã nộp', en: 'submitted' },
  approved: { vi: 'đã duyệt', en: 'approved' },
  active: { vi: 'đang hiệu lực', en: 'active' },
  suspended: { vi: 'tạm dừng', en: 'suspended' },
  revoked: { vi: 'thu hồi', en: 'revoked' },
  reviewed: { vi: 'đã xem xét', en: 'reviewed' },
  verified: { vi: 'đã thẩm định', en: 'verified' },
  returned: { vi: 'bị trả lại', en: 'returned' },
  superseded: { vi: 'đã được thay thế', en: 'superseded' },
  regenerated: { vi: 'đã lập lại', en: 'regenerated' },
  reopened: { vi: 'đã mở lại', en: 'reopened' },
  domestic: { vi: 'nội địa', en: 'domestic' },
  export: { vi: 'xuất khẩu', en: 'export' },
};

/** A state or kind as a parameter, said in each language. */
export const word = (value: string): MessageParam => WORDS[value] ?? value;

const catalogue = {
  // Shared helpers (shared/errors.ts, http/context.ts)
  'error.notFound': { en: '{what} {id} not found', vi: 'Không tìm thấy {what} {id}' },
  'error.forbidden': { en: 'Your role may not {action}', vi: 'Vai trò của bạn không được phép thực hiện việc này ({action})' },
  'error.invalidInput': { en: 'Invalid input', vi: 'Dữ liệu không hợp lệ' },
  'error.loginFirst': { en: 'Log in first (session cookie or API token)', vi: 'Hãy đăng nhập trước (phiên đăng nhập hoặc khoá API)' },
  'error.tooManyRequests': { en: 'Too many attempts: wait a minute and try again', vi: 'Bạn đã thử quá nhiều lần: hãy đợi một phút rồi thử lại' },
  'error.internal': { en: 'Internal server error', vi: 'Lỗi máy chủ' },
  'common.joined': { en: '{items}', vi: '{items}' },
  'field.alreadyUsed': { en: 'already used', vi: 'Đã được dùng' },
  'field.required': { en: 'required', vi: 'Bắt buộc' },

  // Validation of the request against its schema (http/problem.ts)
  'validation.detail': { en: 'Invalid {context}: {issues}', vi: '{context} không hợp lệ: {issues}' },
  'validation.context.body': { en: 'body', vi: 'Dữ liệu gửi lên' },
  'validation.context.querystring': { en: 'querystring', vi: 'Tham số truy vấn' },
  'validation.context.params': { en: 'params', vi: 'Tham số đường dẫn' },
  'validation.context.headers': { en: 'headers', vi: 'Tiêu đề yêu cầu' },
  'validation.context.request': { en: 'request', vi: 'Yêu cầu' },

  // Auth
  'auth.wrongCredentials': { en: 'Wrong phone number, e-mail or password', vi: 'Sai số điện thoại, e-mail hoặc mật khẩu' },
  'auth.accountExists': { en: 'An account with this phone number or e-mail already exists', vi: 'Đã có tài khoản với số điện thoại hoặc e-mail này' },
  'auth.cannotGrant': { en: 'Your role cannot grant: {scopes}', vi: 'Vai trò của bạn không thể cấp các quyền: {scopes}' },

  // Registry
  'registry.plotCodeTaken': { en: 'A plot with code {code} already exists in this province', vi: 'Đã có thửa đất mã {code} trong tỉnh này' },
  'registry.boundaryInvalid': { en: 'The boundary is not a valid polygon: {reason}', vi: 'Ranh giới không phải là đa giác hợp lệ: {reason}' },
  'registry.boundaryTooSmall': { en: 'The boundary encloses less than 1 m²', vi: 'Ranh giới bao quanh diện tích nhỏ hơn 1 m²' },
  'registry.overlaps': {
    en: 'The boundary overlaps {overlaps}. Redraw it, or save it with overlapOverride.reason to record why the overlap is accepted.',
    vi: 'Ranh giới chồng lấn {overlaps}. Hãy vẽ lại, hoặc lưu kèm lý do chấp nhận chồng lấn (overlapOverride.reason).',
  },
  'registry.overlapVisible': { en: 'plot {code} by {area}', vi: 'thửa {code} ({area})' },
  'registry.overlapHidden': { en: 'a plot of another organisation by {area}', vi: 'một thửa của tổ chức khác ({area})' },
  'registry.communeRequired': {
    en: 'communeCode is required when neither the household nor the organisation has a commune',
    vi: 'Cần mã xã (communeCode) khi cả hộ lẫn tổ chức đều chưa có xã',
  },
  'registry.unknownCommune': { en: 'Unknown commune code {code}', vi: 'Không có xã/phường mã {code}' },
  'registry.notInScope': { en: 'The organisation, household or commune was not found in your scope', vi: 'Không tìm thấy tổ chức, hộ hoặc xã này trong phạm vi của bạn' },
  'registry.householdHasHead': { en: 'The household already has a head ({name})', vi: 'Hộ đã có chủ hộ ({name})' },
  'registry.householdHasHeadShort': { en: 'The household already has a head', vi: 'Hộ đã có chủ hộ' },
  'registry.oneHead': { en: 'a household has one head', vi: 'Mỗi hộ chỉ có một chủ hộ' },
  'registry.birthYearFuture': { en: 'The birth year {year} is in the future', vi: 'Năm sinh {year} nằm trong tương lai' },
  'registry.areaOneProvince': { en: 'The plots of a growing area must lie in one province', vi: 'Các thửa của một vùng trồng phải nằm trong cùng một tỉnh' },
  'registry.areaTransition': { en: 'A {from} growing area cannot become {to}', vi: 'Vùng trồng đang ở trạng thái {from} không thể chuyển sang {to}' },
  'registry.reasonToSuspend': { en: 'A reason is required to suspend or revoke', vi: 'Cần nêu lý do khi tạm dừng hoặc thu hồi' },
  'registry.reasonToSuspendCode': { en: 'A reason is required to suspend or revoke a code', vi: 'Cần nêu lý do khi tạm dừng hoặc thu hồi mã số' },
  'registry.areaRevoked': { en: 'The growing area is revoked: no code can be recorded for it', vi: 'Vùng trồng đã bị thu hồi: không thể ghi mã số cho vùng này' },
  'registry.issuedInFuture': { en: 'The issue date {date} is in the future', vi: 'Ngày cấp {date} nằm trong tương lai' },
  'registry.codeRuleFails': {
    en: 'No {kind} code can be recorded: the growing area fails the rule {rule} ({detail})',
    vi: 'Không thể ghi mã số {kind}: vùng trồng không đạt quy tắc {rule} ({detail})',
  },
  'registry.domesticCodeInForce': {
    en: 'The growing area already has the domestic code {code}; revoke it before recording another',
    vi: 'Vùng trồng đã có mã số nội địa {code} còn hiệu lực; hãy thu hồi mã đó trước khi ghi mã khác',
  },
  'registry.oneDomesticCode': { en: 'one domestic code in force per growing area', vi: 'Mỗi vùng trồng chỉ có một mã số nội địa còn hiệu lực' },
  'registry.codeAlreadyStatus': { en: 'The code {code} is already {status}', vi: 'Mã số {code} đã ở trạng thái {status}' },
  'registry.codeRevokedFinal': {
    en: 'The code {code} is revoked, which is final: record a new code instead',
    vi: 'Mã số {code} đã bị thu hồi và không thể khôi phục: hãy ghi một mã mới',
  },
  'registry.codeRecorded': { en: 'The {kind} code {code} is already recorded', vi: 'Mã số {kind} {code} đã được ghi trước đó' },
  'registry.codeRecordedField': { en: '{code} is already recorded as a {kind} code', vi: '{code} đã được ghi là mã số {kind}' },

  // Verification
  'verification.cannotTransition': { en: 'A {state} submission cannot be {action}', vi: 'Hồ sơ ở trạng thái {state} không thể chuyển sang {action}' },
  'verification.dutySubmitted': { en: 'You submitted this data: someone else must review and verify it', vi: 'Bạn đã nộp số liệu này: người khác phải xem xét và thẩm định' },
  'verification.dutyRecorded': {
    en: 'You recorded diary entries of these seasons: someone else must review and verify them',
    vi: 'Bạn đã ghi nhật ký của các mùa vụ này: người khác phải xem xét và thẩm định',
  },
  'verification.dutyReviewed': { en: 'You reviewed this submission: an independent verifier must verify it', vi: 'Bạn đã xem xét hồ sơ này: một người thẩm định độc lập phải thẩm định' },
  'verification.seasonLockedVerified': {
    en: 'Season {id} is locked: it was verified in "{title}". Open a correction of that submission to change it',
    vi: 'Mùa vụ {id} đã bị khoá: đã được thẩm định trong hồ sơ “{title}”. Hãy mở một bản đính chính của hồ sơ đó để thay đổi',
  },
  'verification.seasonLockedReview': {
    en: 'Season {id} is locked while "{title}" is under review ({state}); it can change again if it is returned',
    vi: 'Mùa vụ {id} bị khoá trong khi hồ sơ “{title}” đang được xem xét ({state}); có thể sửa lại nếu hồ sơ bị trả lại',
  },
  'verification.changedMeanwhile': { en: 'Submission {id} changed meanwhile: reload it and try again', vi: 'Hồ sơ {id} vừa thay đổi: hãy tải lại rồi thử lại' },
  'verification.nameCooperative': { en: 'Name the cooperative whose seasons these are', vi: 'Hãy nêu hợp tác xã có các mùa vụ này' },
  'verification.periodEndsBeforeStart': { en: 'The monitoring period ends before it starts', vi: 'Kỳ giám sát kết thúc trước khi bắt đầu' },
  'verification.seasonNotFound': { en: 'Season {id} not found', vi: 'Không tìm thấy mùa vụ {id}' },
  'verification.seasonOtherOrganisation': { en: 'Season of plot {plot} belongs to another organisation', vi: 'Mùa vụ của thửa {plot} thuộc tổ chức khác' },
  'verification.seasonOutsidePeriod': {
    en: 'Season of plot {plot} ends on {end}, outside the monitoring period {start}–{until}',
    vi: 'Mùa vụ của thửa {plot} kết thúc ngày {end}, nằm ngoài kỳ giám sát {start}–{until}',
  },
  'verification.someSeasonsRefused': { en: 'Some seasons cannot be submitted', vi: 'Một số mùa vụ không thể nộp' },
  'verification.alreadySubmitted': { en: 'Plot-season(s) already in a submission: {seasons}', vi: 'Thửa-vụ đã nằm trong một hồ sơ khác: {seasons}' },
  'verification.superseded': {
    en: 'Revision {revision} was superseded by a correction; act on the latest revision',
    vi: 'Phiên bản {revision} đã được thay bằng một bản đính chính; hãy thao tác trên phiên bản mới nhất',
  },
  'verification.returnReason': { en: 'Give the reason for returning it', vi: 'Hãy nêu lý do trả lại' },
  'verification.cannotCompute': { en: '{count} plot-season(s) cannot be computed: {seasons}', vi: 'Không thể tính {count} thửa-vụ: {seasons}' },
  'verification.drawSampleFirst': {
    en: 'Draw the field-check sample and record a finding for each sampled plot before verifying',
    vi: 'Hãy chọn mẫu kiểm tra thực địa và ghi kết quả cho từng thửa được chọn trước khi thẩm định',
  },
  'verification.findingsOpen': {
    en: 'Record a field-check finding for every sampled plot first: {plots} still open',
    vi: 'Hãy ghi kết quả kiểm tra thực địa cho mọi thửa được chọn trước: {plots} còn chưa có',
  },
  'verification.majorDiscrepancy': {
    en: 'A sampled plot has a major discrepancy: return the submission with reasons instead of verifying it',
    vi: 'Một thửa được chọn mẫu có sai lệch lớn: hãy trả lại hồ sơ kèm lý do thay vì thẩm định',
  },
  'verification.correctOnlyVerified': {
    en: 'Only verified data is corrected with a new revision; a {state} submission can be returned or resubmitted',
    vi: 'Chỉ số liệu đã thẩm định mới được đính chính bằng phiên bản mới; hồ sơ ở trạng thái {state} có thể được trả lại hoặc nộp lại',
  },
  'verification.alreadyCorrected': { en: 'Revision {revision} already has a correction', vi: 'Phiên bản {revision} đã có bản đính chính' },
  'verification.sampleWhenReviewed': {
    en: 'The sample is drawn when the submission is reviewed (it is {state})',
    vi: 'Mẫu được chọn khi hồ sơ đã được xem xét (hồ sơ đang ở trạng thái {state})',
  },
  'verification.findingsWhenReviewed': {
    en: 'Findings are recorded while the submission awaits verification (it is {state})',
    vi: 'Kết quả kiểm tra được ghi khi hồ sơ đang chờ thẩm định (hồ sơ đang ở trạng thái {state})',
  },
  'verification.notInSample': { en: 'That plot-season is not in the field-check sample', vi: 'Thửa-vụ này không nằm trong mẫu kiểm tra thực địa' },

  // Credits
  'credits.noAccountVisible': { en: 'No account {id} you can see', vi: 'Không có tài khoản {id} trong phạm vi bạn xem được' },
  'credits.unitsChanged': { en: 'These units changed meanwhile: reload the balance and try again', vi: 'Các tín chỉ này vừa thay đổi: hãy tải lại số dư rồi thử lại' },
  'credits.notEnoughUnits': {
    en: 'Not enough active units: {available} of {quantity} available in this account for vintage {vintage}',
    vi: 'Không đủ tín chỉ còn hiệu lực: tài khoản này chỉ có {available} trên {quantity} tín chỉ của năm {vintage}',
  },
  'credits.serialsNotActive': {
    en: 'Serials {from}–{to} are not all active in this account (already retired, moved or never issued)',
    vi: 'Các số sê-ri {from}–{to} không phải đều còn hiệu lực trong tài khoản này (đã hủy bỏ, đã chuyển hoặc chưa từng được cấp)',
  },
  'credits.noOrganisation': { en: 'No organisation {id}', vi: 'Không có tổ chức {id}' },
  'credits.onlyLatestVerified': {
    en: 'Only the latest verified revision is credited (this one is {state})',
    vi: 'Chỉ phiên bản đã thẩm định mới nhất mới được cấp tín chỉ (phiên bản này ở trạng thái {state})',
  },
  'credits.noProject': {
    en: 'The cooperative is in no crediting project: there is no baseline to credit against',
    vi: 'Hợp tác xã chưa thuộc dự án tín chỉ nào: không có đường cơ sở để tính tín chỉ',
  },
  'credits.noCreditingRun': { en: 'Plot-season(s) without a crediting run: {plots}', vi: 'Thửa-vụ chưa có lần tính tín chỉ: {plots}' },
  'credits.lessThanOneUnit': {
    en: 'The verified net reduction is {netEr} t CO2e: less than one whole unit to issue',
    vi: 'Mức giảm phát thải ròng đã thẩm định là {netEr} t CO2e: chưa đủ một tín chỉ để cấp',
  },
  'credits.alreadyCredited': {
    en: 'Some of these plot-seasons were already credited for this monitoring period: nothing was issued',
    vi: 'Một số thửa-vụ này đã được cấp tín chỉ cho kỳ giám sát này: chưa cấp gì cả',
  },
  'credits.transferElsewhere': { en: 'Transfer to another account', vi: 'Hãy chuyển sang một tài khoản khác' },
  'credits.noAccount': { en: 'No account {id}', vi: 'Không có tài khoản {id}' },
  'credits.noProjectId': { en: 'No project {id}', vi: 'Không có dự án {id}' },
  'credits.noProjectVisible': { en: 'No project {code} you can see', vi: 'Không có dự án {code} trong phạm vi bạn xem được' },
  'credits.noMovement': { en: 'No movement {id} in project {project}', vi: 'Không có giao dịch {id} trong dự án {project}' },
  'credits.rangeMismatch': { en: 'Record {id} is {ours}, not {theirs}', vi: 'Bản ghi {id} là {ours}, không phải {theirs}' },
  'credits.ackMismatch': {
    en: 'The acknowledgement does not match our records: nothing was imported',
    vi: 'Xác nhận không khớp với số liệu của chúng tôi: chưa nhập gì cả',
  },

  // Traceability
  'trace.noOrganisation': {
    en: "Lots belong to an organisation: your account has none (admins act on an existing lot's organisation)",
    vi: 'Lô hàng thuộc về một tổ chức: tài khoản của bạn không thuộc tổ chức nào (quản trị viên thao tác theo tổ chức của một lô có sẵn)',
  },
  'trace.notYourTradeItem': { en: "Trade item {id} is not one of your organisation's products", vi: 'Mặt hàng {id} không phải sản phẩm của tổ chức bạn' },
  'trace.lotNumberUsed': { en: 'Lot number {code} is already used in your organisation', vi: 'Số lô {code} đã được dùng trong tổ chức của bạn' },
  'trace.lotNumberUsedGtin': { en: 'Lot number {code} is already used for GTIN {gtin} or in your organisation', vi: 'Số lô {code} đã được dùng cho GTIN {gtin} hoặc trong tổ chức của bạn' },
  'trace.lotTwice': { en: 'Lot {id} is listed twice', vi: 'Lô {id} được nêu hai lần' },
  'trace.lotOwnerOnly': { en: 'Lot {code} belongs to {owner}: only its owner can use it', vi: 'Lô {code} thuộc {owner}: chỉ chủ lô mới dùng được' },
  'trace.lotBelongsTo': { en: 'Lot {code} belongs to {owner}', vi: 'Lô {code} thuộc {owner}' },
  'trace.lotInTransit': { en: 'Lot {code} is in transit', vi: 'Lô {code} đang vận chuyển' },
  'trace.lotAlreadyInTransit': { en: 'Lot {code} is already in transit', vi: 'Lô {code} đã đang vận chuyển' },
  'trace.lotUsedUp': { en: 'Lot {code} is used up', vi: 'Lô {code} đã dùng hết' },
  'trace.lotNotEnough': {
    en: 'Lot {code} has {left} left; {wanted} cannot be taken from it (out never exceeds in)',
    vi: 'Lô {code} chỉ còn {left}; không thể lấy {wanted} (lượng ra không bao giờ vượt lượng vào)',
  },
  'trace.nameOrganisation': { en: 'Name the organisation whose product this is', vi: 'Hãy nêu tổ chức sở hữu sản phẩm này' },
  'trace.ownTradeItemsOnly': { en: 'You can only create trade items of your own organisation', vi: 'Bạn chỉ có thể tạo mặt hàng của tổ chức mình' },
  'trace.gtinNotUnderPrefix': { en: 'GTIN {gtin} is not under company prefix {prefix}', vi: 'GTIN {gtin} không thuộc mã doanh nghiệp {prefix}' },
  'trace.itemReferenceRoom': { en: 'Company prefix {prefix} leaves {room} digits for the item reference', vi: 'Mã doanh nghiệp {prefix} chỉ chừa {room} chữ số cho mã mặt hàng' },
  'trace.giveGtin': { en: 'Give the GTIN, or the item reference under the company prefix', vi: 'Hãy nhập GTIN, hoặc mã mặt hàng theo mã doanh nghiệp' },
  'trace.gtinRegistered': { en: 'GTIN {gtin} is already registered', vi: 'GTIN {gtin} đã được đăng ký' },
  'trace.alreadyRegistered': { en: 'already registered', vi: 'Đã được đăng ký' },
  'trace.seasonTwice': { en: 'Season {id} is listed twice', vi: 'Mùa vụ {id} được nêu hai lần' },
  'trace.noHarvest': { en: 'Season {id} (plot {plot}) has no harvest recorded in its diary', vi: 'Mùa vụ {id} (thửa {plot}) chưa ghi thu hoạch trong nhật ký' },
  'trace.exceedsHarvest': {
    en: "Plot {plot}'s season harvested {harvested} and {drawn} are already in lots: {more} more would exceed the harvest",
    vi: 'Mùa vụ của thửa {plot} thu hoạch {harvested} và {drawn} đã nằm trong các lô: thêm {more} sẽ vượt sản lượng thu hoạch',
  },
  'trace.oneProduct': { en: 'Only lots of one product can be aggregated (got {kinds})', vi: 'Chỉ gộp được các lô cùng một sản phẩm (nhận được {kinds})' },
  'trace.outputsTooHeavy': {
    en: 'The outputs weigh {out}, more than the {in} that went in (out never exceeds in)',
    vi: 'Đầu ra nặng {out}, nhiều hơn {in} đầu vào (lượng ra không bao giờ vượt lượng vào)',
  },
  'trace.mainProduct': { en: 'At least one output must be the main product (byProduct false)', vi: 'Ít nhất một đầu ra phải là sản phẩm chính (không phải phụ phẩm)' },
  'trace.itemKindMismatch': { en: 'Trade item {gtin} is {kind}, not {other}', vi: 'Mặt hàng {gtin} là {kind}, không phải {other}' },
  'trace.ownLotNumber': { en: 'Each output needs its own lot number', vi: 'Mỗi đầu ra cần số lô riêng' },
  'trace.unitNotSplit': { en: 'A unit cannot be split', vi: 'Không thể chia nhỏ một đơn vị hàng' },
  'trace.packFromLot': { en: 'Units are packed from a lot, not from another unit', vi: 'Đơn vị hàng được đóng gói từ một lô, không phải từ đơn vị hàng khác' },
  'trace.itemLotKind': { en: 'Trade item {gtin} is {kind}; lot {lot} is {lotKind}', vi: 'Mặt hàng {gtin} là {kind}; lô {lot} là {lotKind}' },
  'trace.noNetContent': { en: 'Trade item {gtin} has no net content: give unitMassKg', vi: 'Mặt hàng {gtin} chưa có khối lượng tịnh: hãy nhập khối lượng mỗi đơn vị (kg)' },
  'trace.shipElsewhere': { en: 'A shipment goes to another organisation', vi: 'Lô gửi đi phải đến một tổ chức khác' },
  'trace.lotChangedShipping': { en: 'Lot {code} changed while it was being shipped', vi: 'Lô {code} đã thay đổi trong lúc đang gửi đi' },
  'trace.notInTransitToYou': { en: 'Lot {code} is not in transit to your organisation', vi: 'Lô {code} không đang được gửi đến tổ chức của bạn' },

  // Label
  'label.endsBeforeStart': { en: 'The certificate ends before it starts', vi: 'Giấy chứng nhận hết hạn trước khi có hiệu lực' },
  'label.needsScheme': { en: 'A low-emission label certificate names its scheme', vi: 'Giấy chứng nhận nhãn phát thải thấp phải nêu chương trình nhãn' },
  'label.needsLot': { en: 'A low-emission label certificate covers a lot', vi: 'Giấy chứng nhận nhãn phát thải thấp phải gắn với một lô hàng' },
  'label.needsQuantity': { en: 'Give the quantity the label covers (kg)', vi: 'Hãy nhập khối lượng được gắn nhãn (kg)' },
  'label.lotNotHolders': { en: 'Lot {code} belongs to {owner}, not the holder', vi: 'Lô {code} thuộc {owner}, không phải của bên được cấp' },
  'label.notMet': { en: 'Lot {code} does not meet {scheme}: {failing}', vi: 'Lô {code} không đạt {scheme}: {failing}' },
  'label.tooMuch': {
    en: 'Lot {code} has {eligible} of eligible product; a label cannot cover {wanted}',
    vi: 'Lô {code} có {eligible} sản phẩm đủ điều kiện; nhãn không thể bao gồm {wanted}',
  },
  'label.exceedsHarvest': {
    en: 'Labelled product can never exceed the eligible harvest: a source season harvested {eligible} of eligible rice and labels already cover {labelled} of it; this certificate needs {more} more',
    vi: 'Sản phẩm gắn nhãn không bao giờ vượt sản lượng đủ điều kiện: một mùa vụ nguồn thu hoạch {eligible} lúa đủ điều kiện và nhãn đã bao gồm {labelled}; giấy chứng nhận này cần thêm {more}',
  },
  'label.areaOrLot': { en: 'A VietGAP or organic certificate covers a growing area or a lot', vi: 'Giấy chứng nhận VietGAP hoặc hữu cơ phải gắn với một vùng trồng hoặc một lô hàng' },
  'label.numberUsed': { en: 'Certificate number {number} is already used', vi: 'Số giấy chứng nhận {number} đã được dùng' },
  'label.revokedFinal': { en: 'Certificate {number} was revoked: revocation is final', vi: 'Giấy chứng nhận {number} đã bị thu hồi: không thể khôi phục' },
  'label.alreadyStatus': { en: 'Certificate {number} is already {status}', vi: 'Giấy chứng nhận {number} đã ở trạng thái {status}' },

  // Plans, programme, reports
  'plans.ownUnitOnly': { en: "Only the officers of the plan's own province or commune may change it", vi: 'Chỉ cán bộ của tỉnh hoặc xã sở hữu kế hoạch mới được thay đổi kế hoạch' },
  'plans.unknownUnit': { en: 'Unknown administrative unit {code}', vi: 'Không có đơn vị hành chính mã {code}' },
  'plans.codeTaken': { en: 'A plan with code {code} already exists', vi: 'Đã có kế hoạch mã {code}' },
  'plans.noSuchDay': { en: 'Day {day} does not exist in month {month} every year', vi: 'Không phải năm nào tháng {month} cũng có ngày {day}' },
  'plans.indicatorTaken': { en: 'The plan already has an indicator {code}', vi: 'Kế hoạch đã có chỉ tiêu {code}' },
  'plans.usedInPlan': { en: 'already used in this plan', vi: 'Đã được dùng trong kế hoạch này' },
  'plans.yearOutside': {
    en: "{year} is outside the plan's period {from}–{to} (and its 2050 vision)",
    vi: 'Năm {year} nằm ngoài giai đoạn {from}–{to} của kế hoạch (và tầm nhìn 2050)',
  },
  'plans.notPlanUnit': { en: "{code} is not the plan's unit or one of its communes", vi: '{code} không phải đơn vị của kế hoạch hay một xã thuộc đơn vị đó' },
  'plans.percentageRange': { en: 'A percentage between −1 000 and 1 000 is expected', vi: 'Tỷ lệ phần trăm phải nằm trong khoảng −1.000 đến 1.000' },
  'plans.enteredNotComputed': {
    en: 'Indicator {code} is entered, not computed: its source is on each value',
    vi: 'Chỉ tiêu {code} được nhập tay, không tự tính: nguồn số liệu ghi kèm từng giá trị',
  },
  'programme.ownUnitOnly': {
    en: "Only the officers of the plan's or the record's own province or commune may record this",
    vi: 'Chỉ cán bộ của tỉnh hoặc xã sở hữu kế hoạch hoặc bản ghi mới được ghi nội dung này',
  },
  'programme.unitNotInScope': { en: 'Administrative unit {code} was not found in your scope', vi: 'Không tìm thấy đơn vị hành chính {code} trong phạm vi của bạn' },
  'programme.taskTaken': { en: 'The plan already has a task {code}', vi: 'Kế hoạch đã có nhiệm vụ {code}' },
  'programme.eventOutsideProvince': { en: "The event is not in the plan's province", vi: 'Sự kiện không thuộc tỉnh của kế hoạch' },
  'programme.trainingFuture': {
    en: 'A training event is recorded once it has taken place; the date is in the future',
    vi: 'Lớp tập huấn chỉ được ghi sau khi đã diễn ra; ngày này nằm trong tương lai',
  },
  'programme.agreementFuture': { en: 'The agreement date is in the future', vi: 'Ngày thoả thuận nằm trong tương lai' },
  'programme.plotNotInScope': { en: 'plot {id} not found in your scope', vi: 'Không tìm thấy thửa {id} trong phạm vi của bạn' },
  'programme.plotOtherCommune': { en: 'Plot {id} is not in commune {commune}', vi: 'Thửa {id} không thuộc xã {commune}' },
  'programme.receiverNotInProvince': { en: 'The receiving organisation is not registered in this province', vi: 'Tổ chức nhận chưa đăng ký trong tỉnh này' },
  'reports.cannotTransition': { en: 'A {status} report cannot be {action}', vi: 'Báo cáo ở trạng thái {status} không thể chuyển sang {action}' },
  'reports.communeOfficersOnly': { en: "Only the commune's own officers prepare and submit its report", vi: 'Chỉ cán bộ của xã mới được lập và nộp báo cáo của xã' },
  'reports.provinceOfficersOnly': { en: "Only the province's own officers prepare and submit its report", vi: 'Chỉ cán bộ của tỉnh mới được lập và nộp báo cáo của tỉnh' },
  'reports.provinceReturns': { en: "Only the province returns a commune's submitted report", vi: 'Chỉ tỉnh mới được trả lại báo cáo xã đã nộp' },
  'reports.unknownUnitField': { en: 'unknown unit', vi: 'Không có đơn vị này' },
  'reports.unknownUnitCode': { en: 'unknown unit {code}', vi: 'Không có đơn vị {code}' },
  'reports.notReporting': {
    en: "{name} does not report on this plan (it is not the plan's unit or one of its communes)",
    vi: '{name} không báo cáo theo kế hoạch này (không phải đơn vị của kế hoạch hay một xã thuộc đơn vị đó)',
  },
  'reports.notPlanUnitField': { en: 'not a unit of the plan', vi: 'Không phải đơn vị của kế hoạch' },
  'reports.yearOutside': { en: "{year} is outside the plan's period {from}–{to}", vi: 'Năm {year} nằm ngoài giai đoạn {from}–{to} của kế hoạch' },
  'reports.outsidePeriodField': { en: 'outside the plan period', vi: 'Ngoài giai đoạn của kế hoạch' },
  'reports.exists': { en: '{name} already has a {year} report on this plan', vi: '{name} đã có báo cáo năm {year} theo kế hoạch này' },

  // Imports
  'imports.householdFormats': { en: 'Households are imported from csv or xlsx', vi: 'Hộ được nhập từ tệp csv hoặc xlsx' },
  'imports.householdFormatsField': { en: 'csv or xlsx for households', vi: 'Tệp csv hoặc xlsx cho danh sách hộ' },
  'imports.provinceForVn2000': { en: 'province is required with crs=vn2000', vi: 'Cần nêu tỉnh khi dùng hệ toạ độ VN-2000' },
  'imports.provinceForVn2000Field': { en: 'required with crs=vn2000', vi: 'Bắt buộc khi dùng VN-2000' },
  'imports.emptyFile': { en: 'The file is empty', vi: 'Tệp trống' },
  'imports.emptyFileField': { en: 'empty file', vi: 'Tệp trống' },
  'imports.notMultipart': {
    en: 'Send the file itself as the request body (fetch(url, { method: "POST", body: file })), not a multipart form',
    vi: 'Hãy gửi chính tệp làm nội dung yêu cầu, không gửi dạng biểu mẫu nhiều phần (multipart)',
  },
  'imports.notMultipartField': { en: 'multipart form instead of the file', vi: 'Biểu mẫu nhiều phần thay vì tệp' },
  'imports.sendFile': { en: 'Send the file as the request body', vi: 'Hãy gửi tệp làm nội dung yêu cầu' },
  'imports.missingFile': { en: 'missing file', vi: 'Thiếu tệp' },

  // MRV runs and projects
  'runs.missingFacts': { en: 'Season of plot {plot} cannot be computed: {facts} missing', vi: 'Không thể tính mùa vụ của thửa {plot}: thiếu {facts}' },
  'runs.organisationOtherProvince': { en: 'Organisation {id} is not in province {province}', vi: 'Tổ chức {id} không thuộc tỉnh {province}' },
  'runs.organisationsRefused': { en: 'Some organisations cannot join this project', vi: 'Một số tổ chức không thể tham gia dự án này' },
  'runs.organisationsInProject': { en: 'Organisation(s) already in a project: {organisations}', vi: 'Tổ chức đã thuộc một dự án khác: {organisations}' },
  'runs.projectCodeTaken': { en: 'Project code {code} is taken', vi: 'Mã dự án {code} đã được dùng' },
  'runs.provinceOfficersOnly': { en: "Projects of province {province} are created by that province's officers", vi: 'Dự án của tỉnh {province} do cán bộ của tỉnh đó tạo' },

  // Dashboards
  'dashboards.noUnit': { en: 'Your account is not attached to a province or commune', vi: 'Tài khoản của bạn chưa gắn với tỉnh hoặc xã nào' },
  'dashboards.noPolygon': {
    en: 'No Polygon or MultiPolygon in the GeoJSON (a geometry, Feature or FeatureCollection is accepted)',
    vi: 'GeoJSON không có Polygon hay MultiPolygon nào (chấp nhận geometry, Feature hoặc FeatureCollection)',
  },
  'dashboards.unreadable': { en: 'The GeoJSON is not a readable geometry: {reason}', vi: 'GeoJSON không phải hình học đọc được: {reason}' },
  'dashboards.notInVietnam': {
    en: 'The boundary is not in Vietnam (WGS 84 longitude/latitude expected, lon 102–110, lat 8–24)',
    vi: 'Ranh giới không nằm trong Việt Nam (cần kinh độ/vĩ độ WGS 84: kinh độ 102–110, vĩ độ 8–24)',
  },

  // EPCIS and traceability routes
  'epcis.notObject': { en: 'An EPCIS document is a JSON object', vi: 'Tài liệu EPCIS phải là một đối tượng JSON' },
  'epcis.notObjectField': { en: 'not a JSON object', vi: 'Không phải đối tượng JSON' },
  'epcis.invalid': { en: 'Not a valid EPCIS 2.0 document (GS1 JSON Schema): {problems}', vi: 'Không phải tài liệu EPCIS 2.0 hợp lệ (theo GS1 JSON Schema): {problems}' },
  'epcis.unsupportedType': {
    en: 'Expected an EPCISDocument, an EPCISQueryDocument or one event, got {type}',
    vi: 'Cần một EPCISDocument, một EPCISQueryDocument hoặc một sự kiện, nhưng nhận được {type}',
  },
  'epcis.unsupportedTypeField': { en: 'unsupported document type', vi: 'Loại tài liệu không được hỗ trợ' },
  'trace.emissionsIncomplete': {
    en: 'The emissions of season {id} cannot be computed from its diary: {reasons}',
    vi: 'Không thể tính phát thải của mùa vụ {id} từ nhật ký: {reasons}',
  },
  'runs.invalidInput': { en: "The season's facts make an invalid calculation input: {reason}", vi: 'Số liệu của mùa vụ tạo thành đầu vào tính toán không hợp lệ: {reason}' },
  'trace.bodyNotJson': { en: 'The body is not valid JSON', vi: 'Nội dung gửi lên không phải JSON hợp lệ' },
  'trace.notJson': { en: 'not JSON', vi: 'Không phải JSON' },
  'trace.noGtin': {
    en: 'Lot {code} has no GTIN, so it has no Digital Link: register a trade item and use it for the lot',
    vi: 'Lô {code} chưa có GTIN nên chưa có Digital Link: hãy đăng ký một mặt hàng và dùng cho lô này',
  },
  'trace.giveLots': { en: 'Give lotIds or parentLotId', vi: 'Hãy nêu các lô hoặc lô mẹ' },
  'trace.noneHasGtin': { en: 'None of these lots has a GTIN, so none has a Digital Link to print', vi: 'Không lô nào có GTIN nên không có Digital Link nào để in' },

  // Diary
  'diary.pesticideRestricted': { en: 'Active ingredient {ingredient} is {status}: {legalBasis}{since}', vi: 'Hoạt chất {ingredient} {status}: {legalBasis}{since}' },
  'diary.pesticideListedAs': { en: '"{ingredient}" (listed as {listedAs})', vi: '“{ingredient}” (trong danh mục: {listedAs})' },
  'diary.pesticideQuoted': { en: '"{ingredient}"', vi: '“{ingredient}”' },
  'diary.pesticideSince': { en: '; trade and use prohibited from {date}', vi: '; cấm buôn bán và sử dụng từ ngày {date}' },
  'diary.status.banned': { en: 'banned', vi: 'bị cấm sử dụng' },
  'diary.status.withdrawn': { en: 'withdrawn', vi: 'đã bị loại khỏi danh mục' },
  'diary.occurredInFuture': {
    en: 'occurredOn {date} is in the future: the diary records what has happened',
    vi: 'Ngày thực hiện {date} nằm trong tương lai: nhật ký chỉ ghi những việc đã làm',
  },
  'diary.occurredOutsideSeason': {
    en: 'occurredOn {date} is outside this season (planned start {start}; activities from {earliest} to {latest})',
    vi: 'Ngày thực hiện {date} nằm ngoài mùa vụ này (dự kiến bắt đầu {start}; hoạt động từ {earliest} đến {latest})',
  },
  'diary.unknownFertiliser': {
    en: 'Unknown fertiliser product {code} (GET /api/v1/catalogues/fertilisers lists them)',
    vi: 'Không có sản phẩm phân bón mã {code} trong danh mục',
  },
  'diary.unknownPesticide': {
    en: 'Unknown pesticide product {code} (GET /api/v1/catalogues/pesticides lists them)',
    vi: 'Không có sản phẩm thuốc bảo vệ thực vật mã {code} trong danh mục',
  },
  'diary.unknownCrop': { en: 'Unknown crop {code} (GET /api/v1/catalogues/crops lists them)', vi: 'Không có cây trồng mã {code} trong danh mục' },
  'diary.unknownCropShort': { en: 'Unknown crop {code}', vi: 'Không có cây trồng mã {code} trong danh mục' },
  'diary.seasonYear': {
    en: 'A {year} season starts in {previous} or {year} (the year is the harvest year: Đông Xuân 2025–2026 is 2026), not on {date}',
    vi: 'Vụ năm {year} bắt đầu trong năm {previous} hoặc {year} (năm là năm thu hoạch: Đông Xuân 2025–2026 là năm 2026), không phải ngày {date}',
  },
  'diary.endBeforeStart': { en: 'plannedEndOn {end} is before plannedStartOn {start}', vi: 'Ngày kết thúc dự kiến {end} trước ngày bắt đầu dự kiến {start}' },
  'diary.clientIdActivity': {
    en: 'clientId {clientId} was already used for a different activity; make a new clientId for a new record',
    vi: 'Mã phía máy (clientId) {clientId} đã được dùng cho một hoạt động khác; hãy tạo mã mới cho bản ghi mới',
  },
  'diary.clientIdSeason': { en: 'clientId {clientId} was already used for a different season', vi: 'Mã phía máy (clientId) {clientId} đã được dùng cho một mùa vụ khác' },
  'diary.clientIdBulk': { en: 'clientId {clientId} was already used for a different bulk request', vi: 'Mã phía máy (clientId) {clientId} đã được dùng cho một lần ghi hàng loạt khác' },
  'diary.activityDeleted': { en: 'Activity {id} was deleted', vi: 'Hoạt động {id} đã bị xoá' },
  'diary.activityStale': {
    en: 'Activity {id} changed on the server (version {version}, you edited version {base}): compare and choose',
    vi: 'Hoạt động {id} đã thay đổi trên máy chủ (phiên bản {version}, bạn sửa phiên bản {base}): hãy so sánh và chọn',
  },
  'diary.activityChangedMeanwhile': {
    en: 'Activity {id} changed on the server while you edited it: compare and choose',
    vi: 'Hoạt động {id} đã thay đổi trên máy chủ trong lúc bạn sửa: hãy so sánh và chọn',
  },
  'diary.activitySeasonClosed': {
    en: 'The season of activity {id} is closed: its diary can no longer change',
    vi: 'Mùa vụ của hoạt động {id} đã đóng: nhật ký không thể thay đổi nữa',
  },
  'diary.activityEvidenceClosed': {
    en: 'The season of activity {id} is closed: its evidence can no longer change',
    vi: 'Mùa vụ của hoạt động {id} đã đóng: minh chứng không thể thay đổi nữa',
  },
  'diary.seasonClosed': { en: 'Season {id} is closed: its diary can no longer change', vi: 'Mùa vụ {id} đã đóng: nhật ký không thể thay đổi nữa' },
  'diary.seasonClosedNoChange': { en: 'Season {id} is closed: it can no longer change', vi: 'Mùa vụ {id} đã đóng: không thể thay đổi nữa' },
  'diary.seasonStale': {
    en: 'Season {id} changed on the server (version {version}, you edited version {base}): compare and choose',
    vi: 'Mùa vụ {id} đã thay đổi trên máy chủ (phiên bản {version}, bạn sửa phiên bản {base}): hãy so sánh và chọn',
  },
  'diary.seasonChangedMeanwhile': {
    en: 'Season {id} changed on the server while you edited it: compare and choose',
    vi: 'Mùa vụ {id} đã thay đổi trên máy chủ trong lúc bạn sửa: hãy so sánh và chọn',
  },
  'diary.seasonExists': { en: 'Plot {plot} already has a {season} season for {year}', vi: 'Thửa {plot} đã có vụ {season} năm {year}' },
  'diary.cropExists': { en: 'A crop with code {code} already exists', vi: 'Đã có cây trồng mã {code}' },
  'diary.fertiliserExists': { en: 'A fertiliser product with code {code} already exists', vi: 'Đã có sản phẩm phân bón mã {code}' },
  'diary.pesticideExists': { en: 'A pesticide product with code {code} already exists', vi: 'Đã có sản phẩm thuốc bảo vệ thực vật mã {code}' },
  'diary.seasonIdNotFound': { en: 'season {id} not found', vi: 'Không tìm thấy mùa vụ {id}' },
  'diary.seasonsClosed': { en: 'Season(s) {plots} are closed: nothing was recorded', vi: 'Mùa vụ của {plots} đã đóng: chưa ghi gì cả' },
  'diary.bulkIdsExist': {
    en: 'Some of these activities already exist under the ids this bulk request derives: nothing was recorded',
    vi: 'Một số hoạt động này đã tồn tại với mã mà lần ghi hàng loạt này tạo ra: chưa ghi gì cả',
  },
  'diary.latLonBoth': { en: 'Give both lat and lon, or neither', vi: 'Hãy nhập cả vĩ độ và kinh độ, hoặc bỏ trống cả hai' },
  'diary.invalidDetails': { en: 'Invalid details for a {type} activity', vi: 'Chi tiết không hợp lệ cho hoạt động loại {type}' },
  'diary.seasonsNotFound': {
    en: '{count} season(s) not found in your scope: nothing was recorded',
    vi: 'Không tìm thấy {count} mùa vụ trong phạm vi của bạn: chưa ghi gì cả',
  },
  'sync.needsField': { en: '{kind} needs {field}', vi: 'Thao tác {kind} cần trường {field}' },
  'sync.invalidPayload': { en: 'Invalid {kind} payload', vi: 'Dữ liệu của thao tác {kind} không hợp lệ' },
  'sync.required': { en: 'required', vi: 'Bắt buộc' },
  'diary.imageEmpty': { en: 'The body must be the image bytes', vi: 'Nội dung gửi lên phải là tệp ảnh' },
  'diary.notAnImage': { en: 'The body is not a {mime} image', vi: 'Nội dung gửi lên không phải ảnh {mime}' },
  'diary.empty': { en: 'empty', vi: 'Trống' },
  'diary.notAnImageField': { en: 'not a {mime} image', vi: 'Không phải ảnh {mime}' },
  'diary.importRefused': {
    en: 'Nothing was imported: {count} row(s) refused{firstListed}',
    vi: 'Chưa nhập gì cả: {count} dòng bị từ chối{firstListed}',
  },
  'diary.importFirstListed': { en: ' (the first {listed} are listed)', vi: ' ({listed} dòng đầu được liệt kê)' },
} as const satisfies Record<string, { en: string; vi: string }>;

export type MessageKey = keyof typeof catalogue;

/** The `{name}` placeholders of a text, as a union of names (braces around spaced text are literal, as in renderMessage). */
type Placeholders<S extends string> = S extends `${string}{${infer Name}}${infer Rest}`
  ? (Name extends `${string} ${string}` ? never : Name) | Placeholders<Rest>
  : never;
type ParamsOf<K extends MessageKey> = Record<Placeholders<(typeof catalogue)[K]['en']>, MessageParam>;

/** A message key with its parameters; the compiler checks the parameter names against the English text. */
export function message<K extends MessageKey>(key: K, ...params: [Placeholders<(typeof catalogue)[K]['en']>] extends [never] ? [] : [ParamsOf<K>]): LocalisedMessage {
  return params[0] ? { key, params: params[0] } : { key };
}

export const messageKeys = () => Object.keys(catalogue) as MessageKey[];
export const messageTemplate = (lang: Lang, key: MessageKey): string => catalogue[key][lang];

const NUMBER_LOCALE: Record<Lang, string> = { vi: 'vi-VN', en: 'en-US' };
const LIST_LOCALE: Record<Lang, string> = { vi: 'vi-VN', en: 'en-GB' };

const isoDate = /^(\d{4})-(\d{2})-(\d{2})$/;

function formatParam(lang: Lang, value: MessageParam): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return new Intl.NumberFormat(NUMBER_LOCALE[lang], { maximumFractionDigits: 3 }).format(value);
  if ('key' in value) return renderMessage(lang, value);
  if ('number' in value) {
    const text = new Intl.NumberFormat(NUMBER_LOCALE[lang], {
      minimumFractionDigits: value.minDigits ?? 0,
      maximumFractionDigits: Math.max(value.maxDigits ?? 3, value.minDigits ?? 0),
    }).format(value.number);
    return value.unit ? `${text} ${value.unit}` : text;
  }
  if ('date' in value) {
    const m = isoDate.exec(value.date);
    return lang === 'vi' && m ? `${m[3]}/${m[2]}/${m[1]}` : value.date;
  }
  if ('list' in value) {
    const items = value.list.map((item) => formatParam(lang, item));
    return value.separator !== undefined ? items.join(value.separator) : new Intl.ListFormat(LIST_LOCALE[lang], { type: 'conjunction' }).format(items);
  }
  return value[lang];
}

/** The text of a message in a language, its placeholders filled in. */
export function renderMessage(lang: Lang, m: LocalisedMessage): string {
  return catalogue[m.key][lang].replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = m.params?.[name];
    return value === undefined ? whole : formatParam(lang, value);
  });
}

/**
 * The language of the texts in an answer, from the request's Accept-Language. Without the header
 * (API clients, the CLI's HTTP calls, scripts) the texts stay English as they always were; a request
 * that names a language gets Vietnamese or English, whichever it prefers, and Vietnamese when it
 * names neither (the platform's users are Vietnamese first).
 */
export function negotiateLanguage(acceptLanguage: string | undefined): Lang {
  if (acceptLanguage === undefined || acceptLanguage.trim() === '') return 'en';
  const ranked = acceptLanguage
    .split(',')
    .map((part, index) => {
      const [tag = '', ...attrs] = part.trim().split(';');
      const q = attrs.map((a) => /^\s*q\s*=\s*([0-9.]+)\s*$/.exec(a)?.[1]).find((v) => v !== undefined);
      return { primary: tag.trim().toLowerCase().split('-')[0], q: q === undefined ? 1 : Number(q), index };
    })
    .filter((r) => r.q > 0 && Number.isFinite(r.q))
    .sort((a, b) => b.q - a.q || a.index - b.index);
  const chosen = ranked.find((r) => r.primary === 'vi' || r.primary === 'en');
  return chosen ? (chosen.primary as Lang) : 'vi';
}
