/**
 * Quảng Trị's action programme for Resolution 04-NQ/TU of 30/3/2026 (land consolidation,
 * mechanisation, sustainable raw-material zones), transcribed from
 * ../shared/seeds/003_b7c6ba854929a1e8.txt: the targets of section II.2 and the appendix "Phân công
 * thực hiện Chương trình hành động" (10 tasks in three groups) as programme tasks. The programme's
 * own number is blank in the source ("Số: /CTHĐ-UBND"); it states no report date ("Định kỳ hằng năm",
 * V.2), so the platform's 10 December is used and can be changed per plan. Where the source writes
 * "phân đầu" it means "phấn đấu" (strive for); the transcription quotes it as written.
 */
import type { SeedPlan, SeedTask } from './seed-plan.ts';

const DOC = 'seeds/003_b7c6ba854929a1e8.txt (CTHĐ thực hiện NQ 04-NQ/TU tỉnh Quảng Trị)';
const TARGETS = `${DOC}, mục II.2 (Mục tiêu cụ thể)`;
const APPENDIX = `${DOC}, Phụ lục "Phân công thực hiện Chương trình hành động"`;

const GROUPS = {
  I: 'Tham mưu ban hành cơ chế, chính sách',
  II: 'Đẩy mạnh thực hiện các hình thức tích tụ, tập trung đất nông nghiệp theo quy định của pháp luật hiện hành',
  III: 'Phát triển vùng nguyên liệu nông, lâm, thủy sản bền vững theo định hướng nông nghiệp hữu cơ, tuần hoàn, nông nghiệp xanh, nông nghiệp số',
} as const;

/** "Năm 2026" → 31/12/2026; "2026-2027" and "Giai đoạn 2026-2030" → the period's last 31 December; "Hàng năm" → yearly. */
function task(group: keyof typeof GROUPS, n: number, title: string, lead: string, partners: string, result: string | undefined, deadlineText: string): SeedTask {
  const years = [...deadlineText.matchAll(/\d{4}/g)].map((m) => Number(m[0]));
  const yearly = /hàng năm|hằng năm/i.test(deadlineText);
  const last = years.length ? Math.max(...years) : null;
  return {
    code: `${group}.${n}`,
    groupCode: group,
    groupTitle: GROUPS[group],
    title,
    leadAgency: lead,
    partnerAgencies: partners,
    ...(result ? { expectedResult: result } : {}),
    deadlineText,
    dueOn: yearly ? '2026-12-31' : last ? `${last}-12-31` : null,
    recurrence: yearly ? 'yearly' : 'none',
    source: `${APPENDIX}, mục ${group}.${n}`,
  };
}

export const quangTriProgramme: SeedPlan = {
  code: 'quang-tri-04-nq-tu-land-consolidation',
  nameVi: 'Chương trình hành động thực hiện Nghị quyết số 04-NQ/TU ngày 30/3/2026 về tích tụ, tập trung đất nông nghiệp gắn với đẩy mạnh cơ giới hoá, hiện đại hoá sản xuất; phát triển vùng nguyên liệu nông, lâm, thuỷ sản bền vững',
  nameEn: 'Action programme for Resolution 04-NQ/TU of 30/3/2026 on farmland consolidation with mechanisation and modernisation, and sustainable agricultural, forestry and fishery raw-material zones',
  issuingBody: 'Ủy ban nhân dân tỉnh Quảng Trị',
  decisionNumber: null,
  legalBasis: 'Nghị quyết số 04-NQ/TU ngày 30/3/2026 của Ban Chấp hành Đảng bộ tỉnh Quảng Trị',
  scopeLevel: 'province',
  provinceCode: '44',
  communeCode: null,
  periodStartYear: 2026,
  periodEndYear: 2035,
  reportDue: { month: 12, day: 10, source: `${DOC}, mục V.2 ("Định kỳ hằng năm báo cáo … qua Sở Nông nghiệp và Môi trường"): không ghi ngày; dùng ngày 10/12, có thể sửa` },
  sourceDocument: DOC,
  descriptionVi: 'Mục tiêu cụ thể (mục II.2) về tích tụ đất, cơ giới hoá, vùng nguyên liệu, công nghệ số; Phụ lục phân công 10 nhiệm vụ.',
  descriptionEn: 'Specific targets (section II.2) on land consolidation, mechanisation, raw-material zones and digital technology; appendix assigning 10 tasks.',
  indicators: [
    {
      code: 'qt.consolidated_area',
      section: 'II.2 — Về tích tụ, tập trung đất nông nghiệp',
      nameVi: 'Diện tích đất nông nghiệp được tích tụ, tập trung',
      nameEn: 'Consolidated farmland area',
      unit: 'ha',
      direction: 'increase',
      computation: 'computed:consolidated_area_ha',
      source: `${TARGETS}: "cuối năm 2030 có trên 32.000 ha diện tích đất nông nghiệp được tích tụ, tập trung; phân đầu đến năm 2035 đạt 40.000 ha"`,
      note: {
        vi: 'Tính từ các hồ sơ tích tụ (thuê, chuyển nhượng, góp vốn) đã ghi nhận, cộng diện tích đã tích tụ trước đó (nhập làm giá trị cơ sở kèm nguồn).',
        en: 'Computed from the recorded consolidation records (lease, transfer, capital contribution) plus the area consolidated before them (entered as the baseline with its source).',
      },
      targets: [
        { year: 2030, comparator: 'gt', value: 32000, asWritten: 'trên 32.000 ha' },
        { year: 2035, comparator: 'gte', value: 40000, asWritten: '40.000 ha' },
      ],
    },
    {
      code: 'qt.consolidated_added',
      section: 'II.2 — Về tích tụ, tập trung đất nông nghiệp',
      nameVi: 'Diện tích đất nông nghiệp tích tụ, tập trung tăng thêm trong năm',
      nameEn: 'Farmland consolidated during the year',
      unit: 'ha',
      direction: 'increase',
      computation: 'computed:consolidated_added_ha',
      source: `${TARGETS}: "Giai đoạn 2026 - 2030 diện tích mỗi năm tăng thêm đạt 1.000 ha/năm"`,
      targets: [2026, 2027, 2028, 2029, 2030].map((year) => ({ year, comparator: 'gte' as const, value: 1000, asWritten: '1.000 ha/năm' })),
    },
    {
      code: 'qt.mechanisation',
      section: 'II.2 — Về cơ giới hoá, hiện đại hoá',
      nameVi: 'Tỷ lệ cơ giới hoá đồng bộ các khâu sản xuất',
      nameEn: 'Share with synchronous mechanisation of all production stages',
      unit: '%',
      direction: 'increase',
      computation: 'computed:mechanisation_pct',
      source: `${TARGETS}: "Năm 2030, tỷ lệ cơ giới hoá đồng bộ tất cả các khâu … ít nhất đạt 50% trở lên; phần đầu đến năm 2035 đạt 65% trở lên"`,
      note: {
        vi: 'Tính cho trồng trọt từ nhật ký (làm đất, gieo cấy, thu hoạch bằng máy); chỉ tiêu của chương trình gồm cả sơ chế, chế biến, chăn nuôi, thủy sản.',
        en: 'Computed for crops from the diary (machine land preparation, sowing, harvest); the programme\'s target also covers processing, livestock and fisheries.',
      },
      targets: [
        { year: 2030, comparator: 'gte', value: 50, asWritten: 'ít nhất đạt 50% trở lên' },
        { year: 2035, comparator: 'gte', value: 65, asWritten: '65% trở lên' },
      ],
    },
    {
      code: 'qt.food_output',
      section: 'II.2 — Về trồng trọt',
      nameVi: 'Sản lượng lương thực',
      nameEn: 'Staple food output',
      unit: 't',
      direction: 'increase',
      computation: 'entered',
      source: `${TARGETS}: "Đảm bảo duy trì, ổn định sản lượng lương thực trên 60 vạn tấn/năm"`,
      targets: [
        { year: 2030, comparator: 'gt', value: 600000, asWritten: 'trên 60 vạn tấn/năm' },
        { year: 2035, comparator: 'gt', value: 600000, asWritten: 'trên 60 vạn tấn/năm' },
      ],
    },
    {
      code: 'qt.specialty_rice_share',
      section: 'II.2 — Về trồng trọt',
      nameVi: 'Tỷ lệ diện tích sử dụng giống lúa đặc sản, chất lượng cao',
      nameEn: 'Share of rice area sown with specialty and high-quality varieties',
      unit: '%',
      direction: 'increase',
      computation: 'entered',
      source: `${TARGETS}: "Đến năm 2030, diện tích sử dụng giống lúa đặc sản, chất lượng cao chiếm trên 70%; phần đầu đến năm 2035 chiếm trên 80%"`,
      targets: [
        { year: 2030, comparator: 'gt', value: 70, asWritten: 'trên 70%' },
        { year: 2035, comparator: 'gt', value: 80, asWritten: 'trên 80%' },
      ],
    },
    {
      code: 'qt.digital_key_crops',
      section: 'II.2 — Về tỷ lệ diện tích ứng dụng công nghệ số',
      nameVi: 'Tỷ lệ diện tích cây trồng chủ lực ứng dụng công nghệ số',
      nameEn: 'Share of key crop area using digital technology',
      unit: '%',
      direction: 'increase',
      computation: 'computed:digital_diary_share_pct',
      source: `${TARGETS}: "Đối với cây trồng chủ lực đến năm 2030 đạt 20% trở lên, phần đầu đến năm 2035 đạt trên 25%"`,
      note: {
        vi: 'Tính bằng diện tích thửa có nhật ký điện tử trong năm trên tổng diện tích thửa đã đăng ký.',
        en: 'Computed as the area of plots with a digital diary in the year over the area of all registered plots.',
      },
      targets: [
        { year: 2030, comparator: 'gte', value: 20, asWritten: '20% trở lên' },
        { year: 2035, comparator: 'gt', value: 25, asWritten: 'trên 25%' },
      ],
    },
    {
      code: 'qt.digital_aquaculture',
      section: 'II.2 — Về tỷ lệ diện tích ứng dụng công nghệ số',
      nameVi: 'Tỷ lệ đối tượng nuôi thủy sản chủ lực ứng dụng công nghệ số',
      nameEn: 'Share of key aquaculture using digital technology',
      unit: '%',
      direction: 'increase',
      computation: 'entered',
      source: `${TARGETS}: "Đối với đối tượng nuôi thủy sản chủ lực đến năm 2030 đạt 15% trở lên, phần đầu đến năm 2035 đạt trên 20%"`,
      targets: [
        { year: 2030, comparator: 'gte', value: 15, asWritten: '15% trở lên' },
        { year: 2035, comparator: 'gt', value: 20, asWritten: 'trên 20%' },
      ],
    },
    {
      code: 'qt.high_tech_zone',
      section: 'II.2 — Về tỷ lệ diện tích ứng dụng công nghệ số',
      nameVi: 'Số khu nông nghiệp ứng dụng công nghệ cao',
      nameEn: 'High-tech agriculture zones',
      unit: 'zones',
      direction: 'increase',
      computation: 'entered',
      source: `${TARGETS}: "Phân đầu đến năm 2035, hình thành ít nhất 01 Khu nông nghiệp ứng dụng công nghệ cao trên địa bàn tỉnh"`,
      targets: [{ year: 2035, comparator: 'gte', value: 1, asWritten: 'ít nhất 01 khu' }],
    },
    {
      code: 'qt.meat_output',
      section: 'II.2 — Về chăn nuôi',
      nameVi: 'Tổng sản lượng thịt hơi xuất chuồng',
      nameEn: 'Live-weight meat output',
      unit: 't',
      direction: 'increase',
      computation: 'entered',
      source: `${TARGETS}: "Phân đầu tổng sản lượng thịt hơi xuất chuồng năm 2030 đạt trên 160.000 tấn/năm"`,
      targets: [{ year: 2030, comparator: 'gt', value: 160000, asWritten: 'trên 160.000 tấn/năm' }],
    },
    {
      code: 'qt.production_forest_planting',
      section: 'II.2 — Về lâm nghiệp',
      nameVi: 'Diện tích trồng rừng sản xuất mỗi năm',
      nameEn: 'Production forest planted per year',
      unit: 'ha',
      direction: 'increase',
      computation: 'entered',
      source: `${TARGETS}: "Phân đầu trồng rừng sản xuất 24.500 ha/năm"`,
      targets: [2026, 2027, 2028, 2029, 2030].map((year) => ({ year, comparator: 'gte' as const, value: 24500, asWritten: '24.500 ha/năm' })),
    },
    {
      code: 'qt.brackish_aquaculture_area',
      section: 'II.2 — Về thủy sản',
      nameVi: 'Diện tích vùng nuôi mặn lợ',
      nameEn: 'Brackish-water aquaculture area',
      unit: 'ha',
      direction: 'increase',
      computation: 'entered',
      source: `${TARGETS}: "Giữ vững ổn định vùng nuôi mặn lợ với diện tích tối thiểu 2.000 ha … phần đầu đến năm 2035 rộng diện tích vùng nguyên liệu nuôi trồng thủy sản mặn lợ đạt 2.200 ha"`,
      targets: [
        { year: 2030, comparator: 'gte', value: 2000, asWritten: 'tối thiểu 2.000 ha' },
        { year: 2035, comparator: 'gte', value: 2200, asWritten: '2.200 ha' },
      ],
    },
  ],
  tasks: [
    task('I', 1, 'Tham mưu xây dựng Nghị quyết về tích tụ, tập trung đất nông nghiệp gắn với đẩy mạnh cơ giới hoá, hiện đại hoá sản xuất; phát triển vùng nguyên liệu nông nghiệp, thủy sản bền vững đến 2030, định hướng 2035',
      'Sở Nông nghiệp và Môi trường', 'Các Sở: Tài chính, Khoa học và Công nghệ, Tư pháp, Công Thương, Văn hoá thể thao và Du lịch; các xã, phường, đặc khu', 'Nghị quyết của HĐND tỉnh', 'Năm 2026'),
    task('I', 2, 'Tham mưu xây dựng Đề án về tích tụ, tập trung đất nông nghiệp gắn với đẩy mạnh cơ giới hoá, hiện đại hoá sản xuất; phát triển vùng nguyên liệu nông, lâm, thủy sản bền vững theo định hướng nông nghiệp hữu cơ, tuần hoàn, nông nghiệp xanh, nông nghiệp số đến 2030, định hướng 2035',
      'Sở Nông nghiệp và Môi trường', 'Các Sở: Tài chính, Khoa học và Công nghệ, Tư pháp, Công Thương, Văn hoá thể thao và Du lịch; UBND các xã, phường, đặc khu', 'Đề án của UBND tỉnh được ban hành', 'Năm 2026'),
    task('I', 3, 'Nghiên cứu tham mưu triển khai chính sách hỗ trợ doanh nghiệp, hợp tác xã và các nhóm hộ tiếp cận đất đai linh hoạt thông qua chuyển đổi, thuê, góp vốn bằng quyền sử dụng đất và hợp tác sản xuất, kinh doanh; Triển khai thực hiện tốt chính sách hỗ trợ đào tạo nghề đối với đối tượng người nông dân bị mất đất nông nghiệp chuyển đổi nghề, đảm bảo sinh kế và các quyền lợi hợp pháp.',
      'Sở Nông nghiệp và Môi trường', 'Các Sở: Tài chính, Khoa học và Công nghệ, Tư pháp, UBND các xã, phường, đặc khu', 'Cơ chế được tham mưu ban hành', '2026-2027'),
    task('I', 4, 'Tham mưu triển khai các chính sách ưu đãi đầu tư khuyến khích, thu hút doanh nghiệp đầu tư tích tụ, tập trung đất nông nghiệp gắn với đẩy mạnh cơ giới hoá, hiện đại hoá sản xuất; phát triển vùng nguyên liệu nông, lâm, thủy sản bền vững theo định hướng nông nghiệp hữu cơ, tuần hoàn, nông nghiệp xanh, nông nghiệp số',
      'Sở Tài chính', 'Sở Nông nghiệp và Môi trường; các Sở, ngành liên quan, UBND các xã, phường, đặc khu', 'Số doanh nghiệp/ dự án được hỗ trợ ưu đãi đầu tư', 'Giai đoạn 2026-2030'),
    task('II', 1, 'Chọn 1-2 xã để triển khai ngay một số mô hình điểm trong tích tụ, tập trung đất nông nghiệp, trên cơ sở đó đánh giá để nhân rộng trên địa bàn toàn tỉnh.',
      'Sở Nông nghiệp và Môi trường', 'UBND các xã, phường', '1-2 xã được triển khai thí điểm', 'Năm 2026'),
    task('II', 2, 'Hướng dẫn các địa phương triển khai thực tích tụ, tập trung đất nông nghiệp theo quy định của pháp luật hiện hành',
      'Sở Nông nghiệp và Môi trường', 'UBND các xã, phường', 'Hướng dẫn được ban hành', 'Năm 2026'),
    task('III', 1, 'Khoanh vùng nguyên liệu nông, lâm, thủy sản tập trung, bền vững, theo định hướng nông nghiệp xanh, hữu cơ, tuần hoàn, bảo đảm chất lượng, an toàn thực phẩm và truy xuất nguồn gốc phát triển các vùng sản xuất tập trung đối với các đối tượng cây trồng, vật nuôi chủ lực, đặc trưng của tỉnh, trong đó quy hoạch, bảo vệ diện tích đất sản xuất trọng điểm, nhất là đất chuyên trồng lúa năng suất, chất lượng cao;',
      'UBND các xã, phường, đặc khu', 'Sở Nông nghiệp và Môi trường', undefined, 'Hàng năm'),
    task('III', 2, 'Xây dựng hệ thống thông tin thị trường phục vụ công tác quản lý và hỗ trợ thiết thực cho doanh nghiệp, hợp tác xã, người dân',
      'Sở Công Thương', 'Sở Nông nghiệp và Môi trường; UBND các xã, phường, đặc khu', 'Hệ thống thông tin thị trường được xây dựng', 'Năm 2026'),
    task('III', 3, 'Hỗ trợ xây dựng thương hiệu, đẩy mạnh xúc tiến thương mại',
      'Sở Công Thương', 'Trung tâm Xúc tiến đầu tư, Thương mại và Du lịch tỉnh; các sở, ngành, địa phương liên quan', 'Số sản phẩm được hỗ trợ xây dựng thương hiệu, kết nối các kênh phân phối', 'Giai đoạn 2026-2030'),
    task('III', 4, 'Triển khai các nhiệm vụ khoa học, công nghệ và đổi mới sáng tạo liên quan đến nghiên cứu, tuyển chọn, phục tráng, bảo tồn và phát triển giống cây trồng, vật nuôi, thủy sản có năng suất, chất lượng, khả năng chống chịu dịch bệnh và thích ứng với biến đổi khí hậu, phục vụ phát triển vùng nguyên liệu nông, lâm, thủy sản bền vững của tỉnh.',
      'Sở Khoa học và Công nghệ', 'Sở Nông nghiệp và Môi trường; các Sở, ngành, địa phương liên quan; UBND các xã, phường, đặc khu', 'Số lượng giống cây trồng, vật nuôi, thủy sản có năng suất, chất lượng, được tuyển chọn, phục tráng, bảo tồn và phát triển', 'Giai đoạn 2026-2030'),
  ],
};
