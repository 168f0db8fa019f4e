/**
 * The messages the contracts (packages/contracts) write themselves into their zod schemas, in
 * Vietnamese. The contracts stay English (they are shared with the CLI and API clients); the HTTP
 * edge looks a message up here when the request asked for Vietnamese. A message missing here is
 * shown as written, so a new contract message is never lost, only untranslated.
 */
import type { Lang } from '../shared/messages.ts';

export const CONTRACT_MESSAGES_VI: Readonly<Record<string, string>> = {
  'A 2-digit province code': 'Mã tỉnh gồm 2 chữ số',
  'A 5-digit commune code': 'Mã xã gồm 5 chữ số',
  'A GLN has 13 digits': 'Mã GLN gồm 13 chữ số',
  'A GS1 company prefix has 6 to 12 digits': 'Mã doanh nghiệp GS1 gồm 6 đến 12 chữ số',
  'A GTIN has 8, 12, 13 or 14 digits': 'Mã GTIN gồm 8, 12, 13 hoặc 14 chữ số',
  'A birth year is 1900 or later': 'Năm sinh phải từ 1900 trở đi',
  'A code has 2 to 40 characters: lower-case letters, digits and _, starting with a letter': 'Mã gồm 2 đến 40 ký tự: chữ thường, chữ số và _, bắt đầu bằng một chữ cái',
  'A commune code has 5 digits': 'Mã xã gồm 5 chữ số',
  'A password has at least 10 characters': 'Mật khẩu có ít nhất 10 ký tự',
  'A phone number has 9 to 15 digits': 'Số điện thoại gồm 9 đến 15 chữ số',
  'A province code has 2 digits': 'Mã tỉnh gồm 2 chữ số',
  'A reason is required to suspend or revoke a code': 'Cần nêu lý do khi tạm dừng hoặc thu hồi mã số',
  'A ring must end at the position it starts from (closed)': 'Đường ranh giới phải khép kín: điểm cuối trùng điểm đầu',
  'A ring needs at least 4 positions (closed)': 'Đường ranh giới cần ít nhất 4 điểm (khép kín)',
  'An end date cannot be before its start date': 'Ngày kết thúc không thể trước ngày bắt đầu',
  'An export code is issued for a market: give the market': 'Mã số xuất khẩu được cấp cho một thị trường: hãy nêu thị trường',
  'Choose at least one plot': 'Hãy chọn ít nhất một thửa đất',
  'Comma-separated lot ids': 'Các mã lô, cách nhau bằng dấu phẩy',
  'Digits only': 'Chỉ gồm chữ số',
  'Enter a phone number or an e-mail address': 'Hãy nhập số điện thoại hoặc địa chỉ e-mail',
  'Enter your password': 'Hãy nhập mật khẩu',
  'Give a phone number or an e-mail address': 'Hãy nêu số điện thoại hoặc địa chỉ e-mail',
  'Give a reason of at least 5 characters': 'Hãy nêu lý do, ít nhất 5 ký tự',
  'Give dryMatterTPerHa, or freshMassTPerHa with dryMatterFraction': 'Hãy nhập khối lượng chất khô (t/ha), hoặc khối lượng tươi (t/ha) kèm tỷ lệ chất khô',
  'Give either lossPct or lossKg': 'Hãy nhập tỷ lệ hao hụt (%) hoặc khối lượng hao hụt (kg), không nhập cả hai',
  'Give either productCode or customProduct': 'Hãy chọn sản phẩm trong danh mục hoặc nhập sản phẩm khác, không cả hai',
  'Give either yieldKgPerHa or totalKg': 'Hãy nhập năng suất (kg/ha) hoặc tổng sản lượng (kg), không nhập cả hai',
  'Give exactly one of provinceCode or communeCode': 'Hãy nêu đúng một trong hai: mã tỉnh hoặc mã xã',
  'Give exactly one of seasonId or lotId': 'Hãy nêu đúng một trong hai: mùa vụ hoặc lô hàng',
  'Give the reason (at least 5 characters)': 'Hãy nêu lý do (ít nhất 5 ký tự)',
  'Give the reason for retiring': 'Hãy nêu lý do hủy bỏ tín chỉ',
  'Letters, digits and - only, up to 12': 'Chỉ gồm chữ cái, chữ số và dấu -, tối đa 12 ký tự',
  'More than 50 000 kg of product per hectare is not plausible': 'Hơn 50.000 kg sản phẩm mỗi héc-ta là không hợp lý',
  'N + P2O5 + K2O fractions cannot exceed 1': 'Tổng tỷ lệ N + P2O5 + K2O không thể vượt quá 1',
  'Name the beneficiary': 'Hãy nêu bên thụ hưởng',
  'The botanical family in lower-case Latin, e.g. brassicaceae': 'Họ thực vật viết thường bằng tiếng La-tinh, ví dụ brassicaceae',
  'The period cannot end before it starts': 'Giai đoạn không thể kết thúc trước khi bắt đầu',
  'Use 2–16 capital letters or digits, e.g. CTTL01': 'Dùng 2–16 chữ in hoa hoặc chữ số, ví dụ CTTL01',
  'Use a calendar date YYYY-MM-DD': 'Hãy dùng ngày theo lịch dạng YYYY-MM-DD',
  'Without productCode give productName, activeIngredients and phiDays': 'Khi không chọn sản phẩm trong danh mục, hãy nhập tên sản phẩm, hoạt chất và thời gian cách ly',
  'Write what was checked in the field': 'Hãy ghi những gì đã kiểm tra ngoài đồng',
  'a 2-digit province or 5-digit commune code': 'Mã tỉnh 2 chữ số hoặc mã xã 5 chữ số',
  'a lease needs its term in years': 'Hợp đồng thuê cần nêu thời hạn (năm)',
  'burnt + incorporated + removed + left on the surface must add up to 1': 'Tỷ lệ đốt + vùi + mang đi + để lại trên mặt ruộng phải cộng lại bằng 1',
  'capturedAt must be an ISO 8601 instant, e.g. 2026-01-05T08:30:00+07:00': 'Thời điểm chụp phải theo ISO 8601, ví dụ 2026-01-05T08:30:00+07:00',
  'each role once': 'Mỗi vai trò chỉ một lần',
  'give the area, or the plots concerned': 'Hãy nêu diện tích, hoặc các thửa liên quan',
  'give the number of attendees of at least one role': 'Hãy nêu số người tham dự của ít nhất một vai trò',
  'households are imported from csv or xlsx': 'Hộ được nhập từ tệp csv hoặc xlsx',
  'lower-case letters, digits, ".", "_" or "-", 2 to 80 characters': 'Chữ thường, chữ số, ".", "_" hoặc "-", từ 2 đến 80 ký tự',
  'province is required with crs=vn2000 (the VN-2000 central meridian depends on the province)': 'Cần nêu tỉnh khi dùng hệ VN-2000 (kinh tuyến trục VN-2000 phụ thuộc vào tỉnh)',
  'say what must be corrected': 'Hãy nêu điều cần sửa',
  'say where the figure comes from (document, section, survey…)': 'Hãy nêu nguồn của số liệu (văn bản, mục, khảo sát…)',
  'say where the head count comes from': 'Hãy nêu nguồn của số người',
  'write what was done or what blocks the task': 'Hãy ghi việc đã làm hoặc điều đang cản trở nhiệm vụ',
};

export function validationMessageIn(lang: Lang, english: string): string {
  return lang === 'vi' ? (CONTRACT_MESSAGES_VI[english] ?? english) : english;
}
